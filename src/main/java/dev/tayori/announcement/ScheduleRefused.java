package dev.tayori.announcement;

/**
 * A schedule tayori will not record, and why. The message is English (the command line and the API
 * show it); the admin pages choose Japanese words by {@link #kind()}.
 */
public final class ScheduleRefused extends IllegalArgumentException {
    public enum Kind {
        /** Only the command line schedules for an instant that has passed (scripts run due work for it). */
        IN_THE_PAST,
        UNKNOWN_SEGMENT,
        BAD_SEGMENT_DATE,
        NOT_AN_ANNOUNCEMENT
    }

    private final Kind kind;

    ScheduleRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
