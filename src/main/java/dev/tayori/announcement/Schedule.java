package dev.tayori.announcement;

import java.time.Instant;

/** When an announcement goes out and to which segment; planned once its time has come. */
public record Schedule(String campaignId, Instant sendAt, String segment, String state, String reason,
        Instant scheduledAt, String messageIdPrefix, long plannedToId, boolean planningDone) {
    public static final String SCHEDULED = "scheduled";
    public static final String PLANNED = "planned";
    public static final String SKIPPED = "skipped";
    /** An announcement is sent to each subscriber at most once, however often it is rescheduled. */
    public static final String ITEM_KEY = "announcement";
}
