package dev.tayori.inbound;

import java.util.Locale;

/** What an inbound event was, with the word the operator's pages show for it. */
public enum InboundKind {
    HARD("hard", "配信不能（恒久的）"),
    SOFT("soft", "配信不能（一時的）"),
    DELAYED("delayed", "配信遅延"),
    COMPLAINT("complaint", "迷惑メール報告"),
    AUTO_REPLY("auto-reply", "自動応答"),
    UNBOUNCE("unbounce", "配信不能の取り消し");

    private final String db;
    private final String japanese;

    InboundKind(String db, String japanese) {
        this.db = db;
        this.japanese = japanese;
    }

    public String db() {
        return db;
    }

    /** The admin page's word for it. */
    public String japanese() {
        return japanese;
    }

    public static InboundKind fromDb(String text) {
        for (InboundKind k : values()) {
            if (k.db.equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown inbound event kind " + text);
    }

    /** From the webhook's "kind": hard, soft or complaint. */
    public static java.util.Optional<InboundKind> fromWebhook(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "hard" -> java.util.Optional.of(HARD);
            case "soft" -> java.util.Optional.of(SOFT);
            case "complaint" -> java.util.Optional.of(COMPLAINT);
            default -> java.util.Optional.empty();
        };
    }
}
