package dev.tayori.delivery;

import dev.tayori.campaign.Campaign;
import dev.tayori.render.RenderedMail;
import dev.tayori.subscriber.Subscriber;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Renders the mail of one kind of campaign (newsletter issues, announcements) for the outbox. */
public interface CampaignMail {
    String kind();

    /** Why this subscriber must not get this delivery now beyond being confirmed, or empty. */
    Optional<String> refusal(Campaign campaign, Delivery delivery, Subscriber subscriber, Instant at);

    /** Renders it; {@code model} already holds sender, subscriber, unsubscribeUrl and baseUrl. */
    RenderedMail render(Campaign campaign, Delivery delivery, Map<String, Object> model);
}
