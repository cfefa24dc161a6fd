package dev.tayori.delivery;

import java.time.Instant;

/**
 * One mail to one subscriber for one step or issue of a campaign. The row exists before the mail
 * leaves; its state says how far it got: planned -> sending -> sent, failed or cancelled.
 */
public record Delivery(long id, long subscriberId, String campaignId, String itemKey, Integer step, String state,
        String messageId, int attempts, String lastError, Instant plannedAt, Instant dueAt, Instant nextAttemptAt,
        String leaseOwner, Instant leaseUntil, Instant sentAt, Instant finishedAt) {

    public static final String PLANNED = "planned";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /** step:3 in the first round; step:3#2 when the operator gave the sequence again. */
    public static String stepKey(int step, int round) {
        return "step:" + step + (round > 1 ? "#" + round : "");
    }
}
