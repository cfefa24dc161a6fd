package dev.tayori.newsletter;

import java.time.Instant;

/** A newsletter slot that came due: a planned issue (with a number) or a skipped slot (with a reason). */
public record Issue(long id, String campaignId, Integer number, Instant slotAt, String state, String reason,
        Instant createdAt, String messageIdPrefix, long plannedToId, boolean planningDone) {
    public static final String PLANNED = "planned";
    public static final String SKIPPED = "skipped";

    public static String itemKey(int number) {
        return "issue:" + number;
    }
}
