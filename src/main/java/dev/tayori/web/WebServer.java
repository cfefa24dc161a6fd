package dev.tayori.web;

import dev.tayori.App;
import dev.tayori.web.admin.AdminAuth;
import dev.tayori.web.admin.AdminRoutes;
import dev.tayori.web.api.ApiRoutes;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;

/**
 * The reader's pages: subscribe, confirm, unsubscribe (and, in the demo, the mailbox). Everything a
 * page needs is served from here; nothing is loaded from other sites.
 */
public final class WebServer implements AutoCloseable {
    /** Sign-up POSTs per IP address per minute before 429: stops strangers flooding someone's inbox. */
    static final int SIGNUPS_PER_MINUTE = 10;

    private final Javalin javalin;
    private final MailNow mailNow;
    private volatile boolean closed;

    static final java.util.List<String> PAGES = java.util.List.of("pages/subscribe", "pages/subscribe-sent",
            "pages/too-many", "pages/confirm", "pages/confirmed", "pages/confirm-expired", "pages/link-unknown", "pages/link-used",
            "pages/unsubscribe", "pages/unsubscribed", "pages/mailbox", "pages/mailbox-message", "admin/login",
            "admin/dashboard", "admin/campaigns", "admin/campaign", "admin/report", "admin/mailing", "admin/subscribers", "admin/subscriber", "admin/not-found", "pages/error");

    /** What a stranger's form post or a script's API call may send; the admin's editor may send more. */
    static final long BODY_LIMIT = 64 * 1024L;
    static final long ADMIN_BODY_LIMIT = 1024 * 1024L;

    public WebServer(App app, Mailbox mailbox, AdminAuth adminAuth) {
        // a broken page template stops the start with file:line, instead of a 500 for the first reader
        PAGES.forEach(page -> app.templates().check(page + ".ftlh"));
        Pages pages = new Pages(app.templates(), app.settings().sender());
        this.mailNow = new MailNow(app.dueWork(), app.clock());
        RateLimiter perIp = new RateLimiter(SIGNUPS_PER_MINUTE, Duration.ofMinutes(1), app.clock());
        SubscribePage subscribe = new SubscribePage(pages, app.subscribers(), perIp, mailNow, app.clock());
        ConfirmPage confirm = new ConfirmPage(pages, app.subscribers(), mailNow, perIp, app.clock());
        UnsubscribePage unsubscribe = new UnsubscribePage(pages, app.subscribers(), app.unsubscribeLinks());
        javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            // A lesson written in the editor may be 100,000 characters, which a form posts as up to
            // about 900 KB of percent-encoded UTF-8; every other way in is held to 64 KB below.
            config.http.maxRequestSize = ADMIN_BODY_LIMIT;
            // a known path with the wrong method is 405 (JSON under /api, a Japanese page elsewhere), not 404
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors()));
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/web/assets";
                files.location = Location.CLASSPATH;
            });
        });
        javalin.before(SecurityHeaders::apply);
        javalin.before(ctx -> {
            if (!ctx.path().startsWith("/admin") && ctx.contentLength() > BODY_LIMIT) {
                throw new io.javalin.http.ContentTooLargeResponse();
            }
        });
        Probes.register(javalin, app.readiness());
        javalin.get("/", ctx -> ctx.redirect("/subscribe"));
        javalin.get("/subscribe", subscribe::form);
        javalin.post("/subscribe", subscribe::submit);
        javalin.get("/confirm/{token}", confirm::show);
        javalin.post("/confirm/{token}", confirm::confirm);
        javalin.post("/confirm/{token}/resend", confirm::resend);
        javalin.get("/unsubscribe/{token}", unsubscribe::show);
        javalin.post("/unsubscribe/{token}", unsubscribe::unsubscribe);
        if (mailbox != null) {
            MailboxPage box = new MailboxPage(pages, mailbox, app.settings().timezone());
            javalin.get("/mailbox", box::list);
            javalin.get("/mailbox/{n}", box::message);
            javalin.get("/mailbox/{n}/html", box::html);
        }
        AdminRoutes.register(javalin, app, adminAuth);
        ApiRoutes.register(javalin, app);
        dev.tayori.web.api.BounceWebhook.register(javalin, app);
        ClickRedirect.register(javalin, app.clicks());
        ErrorPages.register(javalin, pages);
    }

    public WebServer start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** Stops answering; a second call does nothing (serve's clean stop closes it before its try block does). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        javalin.stop();
        mailNow.close();
    }
}
