package dev.tayori.bounce;

import java.util.Locale;

/**
 * How bad a delivery report is. A permanent failure (5.x.x) ends mail to the address at once; a
 * temporary one (4.x.x: a full mailbox) counts towards bounce.soft-limit; a delay notice is only
 * news that the relay is still trying, and counts for nothing.
 */
public enum BounceKind {
    HARD("hard"), SOFT("soft"), DELAYED("delayed");

    private final String label;

    BounceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** From an RFC 3464 Action and an RFC 3463 status code: "failed" + 5.x.x is hard, "delayed" is a delay. */
    static BounceKind of(String action, String status) {
        String a = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
        if (a.equals("delayed")) {
            return DELAYED;
        }
        return status.startsWith("5") ? HARD : SOFT;
    }
}
