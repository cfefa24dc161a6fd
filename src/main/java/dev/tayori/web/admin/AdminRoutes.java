package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.announcement.Audience;
import dev.tayori.signin.AdminSessions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Optional;

/**
 * /admin: signed in with the admin password, a session cookie (HttpOnly, SameSite=Strict), a CSRF
 * token in every form, and sign-in attempts limited per IP address (sessions and attempts in the
 * database, see {@link AdminAuth}).
 */
public final class AdminRoutes {
    static final String COOKIE = "tayori_admin";

    private AdminRoutes() {
    }

    public static void register(Javalin web, App app, AdminAuth auth) {
        Audience audience = new Audience(app.jdbi(), app.campaigns(), app.settings().timezone());
        AdminPages pages = new AdminPages(app, audience);
        CampaignActions actions = new CampaignActions(app, pages);
        ScheduleForm scheduleForm = new ScheduleForm(app, pages, audience);
        EditorRoutes.register(web, app, pages);
        boolean secure = app.settings().baseUrl().startsWith("https://");

        web.before("/admin*", ctx -> guard(ctx, auth));
        web.get("/admin/login", ctx -> pages.show(ctx, "login", new HashMap<>()));
        web.post("/admin/login", ctx -> {
            if (!auth.attemptAllowed(ctx.ip())) {
                ctx.status(429);
                HashMap<String, Object> model = new HashMap<>();
                model.put("error", "サインインの試行が多すぎます。1分ほど待ってからもう一度お試しください。");
                pages.show(ctx, "login", model);
                return;
            }
            if (!auth.passwordMatches(ctx.formParam("password"))) {
                ctx.status(401);
                HashMap<String, Object> model = new HashMap<>();
                model.put("error", "パスワードが違います。");
                pages.show(ctx, "login", model);
                return;
            }
            AdminSessions.Session session = auth.signIn();
            Cookie cookie = new Cookie(COOKIE, session.id(), "/", (int) AdminAuth.SESSION.toSeconds(), secure, 0, true,
                    null, null, SameSite.STRICT);
            ctx.cookie(cookie);
            ctx.redirect("/admin");
        });
        web.post("/admin/logout", ctx -> {
            auth.signOut(ctx.cookie(COOKIE));
            ctx.removeCookie(COOKIE, "/");
            ctx.redirect("/admin/login");
        });
        web.get("/admin", pages::dashboard);
        web.get("/admin/campaigns", pages::campaigns);
        web.get("/admin/campaigns/{id}", pages::campaign);
        web.get("/admin/campaigns/{id}/preview", pages::preview);
        web.get("/admin/campaigns/{id}/report", pages::report);
        MailingPages.register(web, app, pages);
        web.post("/admin/campaigns/{id}/pause", actions::pause);
        web.post("/admin/campaigns/{id}/resume", actions::resume);
        web.post("/admin/campaigns/{id}/schedule/confirm", scheduleForm::confirm);
        web.post("/admin/campaigns/{id}/schedule", scheduleForm::schedule);
        web.post("/admin/campaigns/{id}/unschedule", actions::unschedule);
        web.post("/admin/campaigns/{id}/test-send", actions::testSend);
        ReadersRoutes.register(web, app, pages);
        web.get("/admin/subscribers/{id}", pages::subscriber);
        web.post("/admin/subscribers/{id}/unsubscribe", pages::unsubscribe);
        web.post("/admin/subscribers/{id}/unbounce", pages::unbounce);
        ErasePage.register(web, app, pages);
        web.exception(AdminPages.NotFound.class, (e, ctx) -> pages.notFound(ctx, e.getMessage()));
    }

    /** Every /admin request but the sign-in page needs a session; every POST but sign-in needs the CSRF token. */
    private static void guard(Context ctx, AdminAuth auth) {
        if (ctx.path().equals("/admin/login")) {
            return;
        }
        Optional<AdminSessions.Session> session = auth.session(ctx.cookie(COOKIE));
        if (session.isEmpty()) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect("/admin/login");
            } else {
                ctx.status(401).contentType("text/plain; charset=utf-8").result("サインインしてください。");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute("session", session.get());
        if (ctx.method() == HandlerType.POST) {
            String token = ctx.formParam("csrf");
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    session.get().csrf().getBytes(StandardCharsets.UTF_8))) {
                ctx.status(403).contentType("text/plain; charset=utf-8")
                        .result("このフォームは無効です（CSRFトークンがありません）。ページを開き直してください。");
                ctx.skipRemainingHandlers();
            }
        }
    }
}
