package dev.tayori.web;

import dev.tayori.mail.EmailAddress;
import dev.tayori.mail.InvalidAddressException;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.ReaderName;
import dev.tayori.subscriber.Subscribers;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The sign-up form and its POST. The answer page is the same whether the address was new, pending
 * or already subscribed, so the form tells a stranger nothing about anyone's subscription. The
 * address and the name are checked by the same code as every other way in (EmailAddress,
 * ReaderName) before anything is recorded; a refusal says in Japanese what to fix.
 */
final class SubscribePage {
    /** The consent wording's version; the page shows it and the consent record keeps it (words and version: ConsentWording). */
    static final String CONSENT_VERSION = dev.tayori.subscriber.ConsentWording.VERSION;
    static final Duration RESEND_AFTER = Duration.ofMinutes(10);

    private final Pages pages;
    private final Subscribers subscribers;
    private final RateLimiter perIp;
    private final MailNow mailNow;
    private final Clock clock;

    SubscribePage(Pages pages, Subscribers subscribers, RateLimiter perIp, MailNow mailNow, Clock clock) {
        this.pages = pages;
        this.subscribers = subscribers;
        this.perIp = perIp;
        this.mailNow = mailNow;
        this.clock = clock;
    }

    void form(Context ctx) {
        showForm(ctx, 200, "", "", null);
    }

    void submit(Context ctx) {
        if (!perIp.allow(ctx.ip())) {
            Map<String, Object> model = pages.model();
            pages.show(ctx, 429, "too-many", model);
            return;
        }
        if (ctx.formParams("email").size() > 1 || ctx.formParams("name").size() > 1) {
            // a form sends each field once; a post with two addresses is a script's, and which one a
            // log, a proxy or tayori would take is anybody's guess: sign up neither
            showForm(ctx, 400, "", "", "メールアドレスとお名前は1つずつ入力してください。");
            return;
        }
        String email = field(ctx, "email");
        String name = field(ctx, "name");
        if (!field(ctx, "website").isEmpty()) {
            // the honeypot: people do not see this field, bots fill it in; they get the normal page
            pages.show(ctx, 200, "subscribe-sent", pages.model());
            return;
        }
        try {
            EmailAddress.parse(email);
        } catch (InvalidAddressException e) {
            boolean showable = e.reason() != InvalidAddressException.Reason.CONTROL_CHARACTER;
            showForm(ctx, 400, showable ? email : "", name, SignUpWords.address(e.reason()));
            return;
        }
        try {
            ReaderName.check(name);
        } catch (ReaderName.Refused e) {
            showForm(ctx, 400, email, "", SignUpWords.name(e.problem()));
            return;
        }
        String version = field(ctx, "consent_version");
        ConsentRecord consent = new ConsentRecord("requested", clock.instant(), "web form", ctx.ip(),
                truncate(ctx.userAgent(), 300), version.matches("[0-9A-Za-z.-]{1,20}") ? version : CONSENT_VERSION);
        try {
            Subscribers.SignUp signUp = subscribers.requestSubscription(email, name, consent, RESEND_AFTER);
            if (signUp.confirmation().isPresent()) {
                mailNow.kick();
            }
        } catch (ReaderName.Refused e) {
            showForm(ctx, 400, email, "", SignUpWords.name(e.problem()));
            return;
        }
        pages.show(ctx, 200, "subscribe-sent", pages.model());
    }

    private void showForm(Context ctx, int status, String email, String name, String error) {
        Map<String, Object> model = pages.model();
        model.put("email", email);
        model.put("name", name);
        model.put("consentVersion", CONSENT_VERSION);
        model.put("consentWording", dev.tayori.subscriber.ConsentWording.text(pages.senderName()));
        if (error != null) {
            model.put("error", error);
        }
        pages.show(ctx, status, "subscribe", model);
    }

    static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static String truncate(String value, int max) {
        if (value == null) {
            return null;
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
