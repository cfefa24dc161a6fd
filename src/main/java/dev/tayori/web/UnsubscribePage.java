package dev.tayori.web;

import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.Subscribers;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * The URL in List-Unsubscribe and in every footer. GET shows the choices and changes nothing. Any
 * POST acts at once and may be repeated: the RFC 8058 one-click POST (body
 * "List-Unsubscribe=One-Click", no cookie, no CSRF token) stops everything, and the page's own
 * form can instead stop only the newsletter and keep the workbook.
 */
final class UnsubscribePage {
    static final String NEWSLETTER_KIND = "newsletter";

    private final Pages pages;
    private final Subscribers subscribers;

    UnsubscribePage(Pages pages, Subscribers subscribers) {
        this.pages = pages;
        this.subscribers = subscribers;
    }

    void show(Context ctx) {
        Optional<Subscriber> subscriber = subscribers.byUnsubscribeToken(ctx.pathParam("token"));
        if (subscriber.isEmpty()) {
            pages.show(ctx, 404, "link-unknown", pages.model());
            return;
        }
        Map<String, Object> model = pages.model();
        model.put("token", ctx.pathParam("token"));
        model.put("email", subscriber.get().email());
        model.put("unsubscribed", !subscriber.get().mayReceiveCampaignMail());
        pages.show(ctx, 200, "unsubscribe", model);
    }

    void unsubscribe(Context ctx) {
        Optional<Subscriber> subscriber = subscribers.byUnsubscribeToken(ctx.pathParam("token"));
        if (subscriber.isEmpty()) {
            pages.show(ctx, 404, "link-unknown", pages.model());
            return;
        }
        boolean oneClick = "One-Click".equals(ctx.formParam("List-Unsubscribe"));
        Map<String, Object> model = pages.model();
        model.put("email", subscriber.get().email());
        if (!oneClick && NEWSLETTER_KIND.equals(ctx.formParam("choice"))) {
            subscribers.optOut(subscriber.get(), NEWSLETTER_KIND, "unsubscribe page: newsletter only");
            model.put("scope", "newsletter");
        } else {
            subscribers.unsubscribe(subscriber.get(), oneClick ? "one-click (RFC 8058)" : "unsubscribe page");
            model.put("scope", "all");
        }
        pages.show(ctx, 200, "unsubscribed", model);
    }
}
