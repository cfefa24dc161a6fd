package dev.tayori.web;

import dev.tayori.subscriber.Confirmation;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.Subscribers;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The link in the confirmation mail. GET only shows a button: mail scanners follow links, and
 * must not confirm anyone. The POST confirms, and lesson 1 goes out at once through the outbox.
 */
final class ConfirmPage {
    private final Pages pages;
    private final Subscribers subscribers;
    private final MailNow mailNow;
    private final RateLimiter perIp;
    private final Clock clock;

    ConfirmPage(Pages pages, Subscribers subscribers, MailNow mailNow, RateLimiter perIp, Clock clock) {
        this.pages = pages;
        this.subscribers = subscribers;
        this.mailNow = mailNow;
        this.perIp = perIp;
        this.clock = clock;
    }

    void show(Context ctx) {
        String token = ctx.pathParam("token");
        Optional<Confirmation> confirmation = subscribers.confirmationByToken(token);
        Map<String, Object> model = pages.model();
        model.put("token", token);
        if (confirmation.isEmpty()) {
            pages.show(ctx, 404, "link-unknown", model);
        } else if (confirmation.get().usedAt() != null || isConfirmed(confirmation.get())) {
            alreadyUsed(ctx, confirmation.get(), model);
        } else if (!clock.instant().isBefore(confirmation.get().expiresAt())) {
            pages.show(ctx, 410, "confirm-expired", model);
        } else {
            pages.show(ctx, 200, "confirm", model);
        }
    }

    void confirm(Context ctx) {
        String token = ctx.pathParam("token");
        Map<String, Object> model = pages.model();
        model.put("token", token);
        ConsentRecord consent = new ConsentRecord("confirmed", clock.instant(), "confirmation link", ctx.ip(),
                ctx.userAgent(), null);
        Subscribers.ConfirmResult result = subscribers.confirm(token, consent);
        switch (result.outcome()) {
            case CONFIRMED -> {
                mailNow.kick();
                pages.show(ctx, 200, "confirmed", model);
            }
            case ALREADY_CONFIRMED -> subscribers.confirmationByToken(token)
                    .ifPresentOrElse(c -> alreadyUsed(ctx, c, model), () -> pages.show(ctx, 404, "link-unknown", model));
            case EXPIRED -> pages.show(ctx, 410, "confirm-expired", model);
            case UNKNOWN -> pages.show(ctx, 404, "link-unknown", model);
            default -> throw new IllegalStateException();
        }
    }

    /** An expired link offers a new one; the 10-minute rule and the IP limit still apply. */
    void resend(Context ctx) {
        if (!perIp.allow(ctx.ip())) {
            pages.show(ctx, 429, "too-many", pages.model());
            return;
        }
        Optional<Confirmation> confirmation = subscribers.confirmationByToken(ctx.pathParam("token"));
        if (confirmation.isEmpty()) {
            pages.show(ctx, 404, "link-unknown", pages.model());
            return;
        }
        Optional<Subscriber> subscriber = subscribers.byId(confirmation.get().subscriberId());
        if (subscriber.isPresent()
                && subscribers.renewConfirmation(subscriber.get(), SubscribePage.RESEND_AFTER).isPresent()) {
            mailNow.kick();
        }
        pages.show(ctx, 200, "subscribe-sent", pages.model());
    }

    /**
     * A link used before: nothing changes, and the page says so without claiming that lesson 1 went
     * out just now (the reader may have unsubscribed since; this link cannot undo that).
     */
    private void alreadyUsed(Context ctx, Confirmation confirmation, Map<String, Object> model) {
        model.put("confirmed", isConfirmed(confirmation));
        pages.show(ctx, 200, "link-used", model);
    }

    private boolean isConfirmed(Confirmation confirmation) {
        return subscribers.byId(confirmation.subscriberId())
                .map(s -> s.status() == dev.tayori.subscriber.SubscriberStatus.CONFIRMED).orElse(false);
    }
}
