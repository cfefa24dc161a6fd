package dev.tayori.delivery;

import java.util.UUID;

/** Message-IDs are made once, when a delivery is planned, and kept for every retry of it. */
final class MessageIds {
    private MessageIds() {
    }

    static String next(String campaignId, String domain) {
        return "<" + UUID.randomUUID() + "." + campaignId + "@" + domain + ">";
    }
}
