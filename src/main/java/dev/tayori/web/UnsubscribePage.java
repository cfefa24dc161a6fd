package dev.tayori.web;

import dev.tayori.subscriber.UnsubscribeLinks;
import dev.tayori.subscriber.UnsubscribeLinks.Scope;
import dev.tayori.subscriber.UnsubscribeLinks.Via;
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
 *
 * <p>A campaign mail's link carries {@code ?mail=} naming that mail (subscriber/UnsubscribeLinks): the
 * page's forms pass it on, and an unsubscribe that ends the reader's mail counts for that mail's
 * report. Without it, or with one that does not check out, the reader is unsubscribed all the same.
 */
final class UnsubscribePage {
    static final String NEWSLETTER_KIND = "newsletter";

    private final Pages pages;
    private final Subscribers subscribers;
    private final UnsubscribeLinks links;

    UnsubscribePage(Pages pages, Subscribers subscribers, UnsubscribeLinks links) {
        this.pages = pages;
        this.subscribers = subscribers;
        this.links = links;
    }

    void show(Context ctx) {
        Optional<Subscriber> subscriber = subscribers.byUnsubscribeToken(ctx.pathParam("token"));
        if (subscriber.isEmpty()) {
            pages.show(ctx, 404, "link-unknown", pages.model());
            return;
        }
        Map<String, Object> model = pages.model();
        model.put("token", ctx.pathParam("token"));
        // passed on to the forms only as we wrote it: nothing else from the URL reaches the page
        String mark = ctx.queryParam(UnsubscribeLinks.PARAMETER);
        model.put("mail", links.deliveryIn(mark).isPresent() ? mark : "");
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
        Subscriber s = subscriber.get();
        Optional<Long> throughMail = links.deliveryIn(ctx.queryParam(UnsubscribeLinks.PARAMETER));
        boolean oneClick = "One-Click".equals(ctx.formParam("List-Unsubscribe"));
        Via via = oneClick ? Via.ONE_CLICK : Via.PAGE;
        Map<String, Object> model = pages.model();
        model.put("email", s.email());
        if (!oneClick && NEWSLETTER_KIND.equals(ctx.formParam("choice"))) {
            boolean stopped = subscribers.optOut(s, NEWSLETTER_KIND, "unsubscribe page: newsletter only");
            if (stopped && s.mayReceiveCampaignMail()) {
                throughMail.ifPresent(mail -> links.record(mail, s.id(), Scope.NEWSLETTER, via));
            }
            model.put("scope", "newsletter");
        } else {
            Subscribers.Withdrawal done = subscribers.withdraw(s, oneClick ? "one-click (RFC 8058)" : "unsubscribe page");
            if (done.ended()) {
                throughMail.ifPresent(mail -> links.record(mail, s.id(), Scope.ALL, via));
            }
            model.put("scope", "all");
        }
        pages.show(ctx, 200, "unsubscribed", model);
    }
}
