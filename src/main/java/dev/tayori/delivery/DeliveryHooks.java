package dev.tayori.delivery;

import dev.tayori.campaign.Campaigns;
import dev.tayori.sequence.Enrollments;
import dev.tayori.subscriber.Confirmation;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberEvents;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What a subscriber's change means for mail, written in the same transaction as the change: a
 * confirmation request records its confirmation mail, a confirmation enrolls in the welcome
 * sequence (lesson 1 due at once), an unsubscribe or bounce stops sequences and cancels mail not
 * yet handed to a sender.
 */
public final class DeliveryHooks implements SubscriberEvents {
    private final Campaigns campaigns;
    private final String senderDomain;

    public DeliveryHooks(Campaigns campaigns, String senderDomain) {
        this.campaigns = campaigns;
        this.senderDomain = senderDomain;
    }

    @Override
    public void confirmationRequested(Handle handle, Subscriber subscriber, Confirmation confirmation) {
        handle.attach(DeliveryDao.class).plan(subscriber.id(), MailComposer.CONFIRMATION,
                "confirm:" + confirmation.id(), null, MessageIds.next(MailComposer.CONFIRMATION, senderDomain),
                confirmation.createdAt(), confirmation.createdAt());
    }

    @Override
    public void confirmed(Handle handle, Subscriber subscriber, Instant at) {
        campaigns.welcomeSequence().ifPresent(sequence -> Enrollments.enroll(handle, subscriber.id(), sequence.id(), at));
    }

    @Override
    public void unsubscribed(Handle handle, Subscriber subscriber, Instant at) {
        Enrollments.stopAll(handle, subscriber.id());
        handle.attach(DeliveryDao.class).cancelPendingOf(subscriber.id(), at, "the subscriber is " + subscriber.status().db());
    }
}
