package dev.tayori.subscriber;

import java.time.Instant;
import java.time.ZoneId;

public record Subscriber(
        long id,
        String email,
        String name,
        SubscriberStatus status,
        ZoneId timeZone,
        String unsubscribeToken,
        Instant createdAt,
        Instant confirmedAt,
        Instant unsubscribedAt,
        String unsubscribeSource,
        Instant bouncedAt,
        String bounceReason) {

    /** Only confirmed subscribers get campaign mail. */
    public boolean mayReceiveCampaignMail() {
        return status == SubscriberStatus.CONFIRMED;
    }

    /** The anonymous placeholder an erasure leaves (for the reports' counts): no address any more. */
    public boolean erased() {
        return email.isEmpty();
    }
}
