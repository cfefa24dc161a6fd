package dev.tayori.web.api;

import dev.tayori.App;
import dev.tayori.announcement.Audience;
import dev.tayori.announcement.Schedule;
import dev.tayori.announcement.ScheduleRefused;
import dev.tayori.campaign.Campaign;
import dev.tayori.mail.InvalidAddressException;
import dev.tayori.overview.CampaignOverview;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberException;
import dev.tayori.subscriber.Subscribers;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.tayori.config.Instants;
import dev.tayori.delivery.MailComposer;
import dev.tayori.delivery.SendReport;

/**
 * The REST API under /api, for scripts and other tools: bearer token (api.token), JSON in and out,
 * errors as {"error": "..."} with a fitting status.
 */
public final class ApiRoutes {
    /** The most subscribers one page of GET /api/subscribers returns. */
    static final int MAX_LIMIT = 500;
    static final Set<String> SUBSCRIBER_FIELDS = Set.of("email", "name", "confirmed", "consent_source");
    static final Set<String> SCHEDULE_FIELDS = Set.of("at", "segment", "now");

    private ApiRoutes() {
    }

    public static void register(Javalin web, App app) {
        String token = app.settings().apiToken();
        Audience audience = new Audience(app.jdbi(), app.campaigns(), app.settings().timezone());
        web.before("/api/*", ctx -> {
            if (token.isEmpty()) {
                error(ctx, 401, "the API is off: set api.token (TAYORI_API_TOKEN) to a secret of 24 characters or more");
            } else if (!MessageDigest.isEqual(bearerToken(ctx.header("Authorization")).getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                ctx.header("WWW-Authenticate", "Bearer");
                error(ctx, 401, "missing or wrong bearer token");
            }
        });
        web.get("/api/subscribers", ctx -> {
            long after = ApiInput.number(ctx, "after", 0, 0, Long.MAX_VALUE);
            int limit = (int) ApiInput.number(ctx, "limit", 100, 1, MAX_LIMIT);
            List<Subscriber> page = app.subscribers().page(after, limit);
            List<Map<String, Object>> items = new ArrayList<>();
            page.forEach(s -> items.add(json(s)));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("subscribers", items);
            body.put("next_after", page.size() == limit ? page.get(page.size() - 1).id() : null);
            ctx.json(body);
        });
        web.get("/api/subscribers/{email}", ctx -> ctx.json(json(app.subscribers().byEmail(ctx.pathParam("email")))));
        web.post("/api/subscribers", ctx -> {
            ApiInput.Body in = ApiInput.object(ctx, SUBSCRIBER_FIELDS);
            String email = in.required("email", "reader@example.jp");
            String name = in.text("name");
            String source = in.text("consent_source");
            Instant now = app.clock().instant();
            if (in.flag("confirmed")) {
                Subscriber s = app.subscribers().addConfirmed(email, name,
                        ConsentRecord.of("recorded-by-operator", now, source, "api " + ctx.ip()), now);
                ctx.status(201).json(json(s));
                return;
            }
            Subscribers.SignUp signUp = app.subscribers().requestSubscription(email, name,
                    new ConsentRecord("requested", now, source.isEmpty() ? "api" : source,
                            "api " + ctx.ip(), ctx.userAgent(), null), Duration.ofMinutes(10));
            // the confirmation mail goes now, as from the web form; if the SMTP server refuses, the
            // next scheduled run retries, and the answer says which happened
            SendReport sent = app.dueWork().sendOnly(app.clock().instant());
            Map<String, Object> body = json(app.subscribers().byId(signUp.subscriber().id()).orElseThrow());
            body.put("confirmation_mail", signUp.confirmation().isEmpty() ? "not sent (one was sent recently)"
                    : sent.problem() != null ? "queued: " + sent.problem()
                    : sent.of(MailComposer.CONFIRMATION).sent > 0 ? "sent" : "queued for the next run");
            ctx.status(signUp.created() ? 201 : 200).json(body);
        });
        web.post("/api/subscribers/{email}/unsubscribe", ctx -> ctx.json(json(
                app.subscribers().unsubscribe(app.subscribers().byEmail(ctx.pathParam("email")), "api " + ctx.ip()))));
        web.delete("/api/subscribers/{email}", ctx -> ctx.json(new dev.tayori.erasure.Erasure(app.jdbi(), app.clock())
                .erase(ctx.pathParam("email"), dev.tayori.erasure.Erasure.Via.API).asMap()));
        web.get("/api/campaigns", ctx -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Campaign c : app.campaigns().all()) {
                CampaignOverview o = CampaignOverview.of(app, c, app.clock().instant());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", c.id());
                item.put("kind", c.kind());
                item.put("name", c.name());
                item.put("state", o.state());
                item.put("next_send", o.nextSend());
                item.put("mail", o.counts());
                items.add(item);
            }
            ctx.json(Map.of("campaigns", items));
        });
        web.post("/api/campaigns/{id}/schedule", ctx -> {
            campaign(app, ctx);
            ApiInput.Body in = ApiInput.object(ctx, SCHEDULE_FIELDS);
            String segment = in.text("segment");
            Schedule s;
            if (in.flag("now")) {
                if (!in.text("at").isEmpty()) {
                    error(ctx, 400, "'at' and \"now\": true cannot both be given; send one of them");
                    return;
                }
                s = app.announcements().sendNow(ctx.pathParam("id"), segment.isEmpty() ? null : segment);
            } else {
                Instant at;
                try {
                    at = Instants.parse(in.required("at", "2026-12-01T12:00+09:00"), app.settings().timezone());
                } catch (Instants.Refused e) {
                    error(ctx, 400, "'at': " + e.getMessage());
                    return;
                }
                // a time in the past would go out at the next minute: only "now": true sends now
                try {
                    s = app.announcements().scheduleAhead(ctx.pathParam("id"), at, segment.isEmpty() ? null : segment);
                } catch (ScheduleRefused e) {
                    if (e.kind() != ScheduleRefused.Kind.IN_THE_PAST) {
                        throw e;
                    }
                    error(ctx, 400, "'at' " + at + " is in the past (it is now "
                            + app.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) // no nanoseconds to read
                            + "); choose a later time, or send {\"now\": true} to send it now");
                    return;
                }
            }
            ctx.json(Map.of("campaign", s.campaignId(), "send_at", s.sendAt().toString(), "segment", s.segment(),
                    "state", s.state()));
        });
        web.get("/api/segments", ctx -> {
            List<Map<String, Object>> items = new ArrayList<>();
            audience.segments().forEach(r -> items.add(Map.of("segment", r.segment(), "readers", r.readers())));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("segments", items);
            // a segment with a date in it cannot be listed, only described
            body.put("forms", List.of(Map.of("segment", "confirmed-before:YYYY-MM-DD",
                    "about", "confirmed readers who confirmed before 00:00 of that day in "
                            + app.settings().timezone().getId())));
            ctx.json(body);
        });
        web.post("/api/campaigns/{id}/pause", ctx -> {
            campaign(app, ctx);
            app.control().pause(ctx.pathParam("id"), "api " + ctx.ip());
            ctx.json(Map.of("campaign", ctx.pathParam("id"), "state", "paused"));
        });
        web.post("/api/campaigns/{id}/resume", ctx -> {
            campaign(app, ctx);
            app.control().resume(ctx.pathParam("id"));
            ctx.json(Map.of("campaign", ctx.pathParam("id"), "state", "active"));
        });
        CampaignWritingRoutes.register(web, app);
        web.exception(InvalidAddressException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        web.exception(SubscriberException.class, (e, ctx) -> error(ctx,
                e.kind() == SubscriberException.Kind.NOT_FOUND ? 404 : e.kind() == SubscriberException.Kind.ALREADY_EXISTS
                        || e.kind() == SubscriberException.Kind.SUPPRESSED ? 409 : 400,
                e.getMessage()));
        web.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        web.exception(IllegalStateException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        web.exception(io.javalin.http.BadRequestResponse.class, (e, ctx) -> error(ctx, 400, "the body must be JSON: " + e.getMessage()));
        web.exception(ApiInput.Problem.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    }

    /** RFC 7235: the scheme is case-insensitive ("bearer" as well as "Bearer"); "" when there is none. */
    private static String bearerToken(String header) {
        if (header == null) {
            return "";
        }
        String[] parts = header.strip().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") ? parts[1].strip() : "";
    }

    /** Checked before anything else, so an unknown campaign is a 404 like an unknown subscriber. */
    private static Campaign campaign(App app, Context ctx) {
        String id = ctx.pathParam("id");
        return app.campaigns().find(id).orElseThrow(() -> new ApiInput.Problem(404, "there is no campaign '" + id
                + "'; campaigns: " + String.join(", ", app.campaigns().all().stream().map(Campaign::id).toList())));
    }

    /** JSON for the API; the admin pages, which share these exception types, get the message as text. */
    private static void error(Context ctx, int status, String message) {
        if (ctx.path().startsWith("/api/")) {
            ctx.status(status).json(Map.of("error", message));
        } else {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
        }
        ctx.skipRemainingHandlers();
    }

    private static Map<String, Object> json(Subscriber s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("email", s.email());
        m.put("name", s.name());
        m.put("status", s.status().db());
        m.put("created_at", s.createdAt() == null ? null : s.createdAt().toString());
        m.put("confirmed_at", s.confirmedAt() == null ? null : s.confirmedAt().toString());
        m.put("unsubscribed_at", s.unsubscribedAt() == null ? null : s.unsubscribedAt().toString());
        return m;
    }
}
