package dev.tayori.delivery;

import java.util.UUID;

/** Message-IDs are made once, when a delivery is planned, and kept for every retry of it. */
final class MessageIds {
    private MessageIds() {
    }

    static String next(String campaignId, String domain) {
        return "<" + UUID.randomUUID() + "." + campaignId + "@" + domain + ">";
    }

    /**
     * A random part shared by one planning batch. Message-IDs are unique-indexed: fully random ones
     * land on a different index page each, and planning 100,000 lessons rewrote most of the index;
     * a batch that shares its prefix writes a few adjacent pages.
     */
    static String batchPrefix() {
        return UUID.randomUUID().toString();
    }

    /** Unique within the batch by subscriber and item; the batch prefix makes it unique everywhere. */
    static String inBatch(String prefix, long subscriberId, String itemKey, String campaignId, String domain) {
        return "<" + prefix + "." + subscriberId + "." + itemKey.replace(':', '-') + "." + campaignId + "@" + domain + ">";
    }
}
