package dev.tayori.web.api;

import dev.tayori.App;
import dev.tayori.announcement.Schedule;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API under /api, for scripts and other tools: bearer token (api.token), JSON in and out,
 * errors as {"error": "..."} with a fitting status.
 */
public final class ApiRoutes {
    /** The most subscribers one page of GET /api/subscribers returns. */
    static final int MAX_LIMIT = 500;

    private ApiRoutes() {
    }

    public static void register(Javalin web, App app) {
        String token = app.settings().apiToken();
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
            Map<?, ?> in = ApiInput.object(ctx);
            String email = text(in, "email");
            String name = text(in, "name");
            Instant now = app.clock().instant();
            if (Boolean.TRUE.equals(in.get("confirmed"))) {
                String source = text(in, "consent_source");
                Subscriber s = app.subscribers().addConfirmed(email, name,
                        ConsentRecord.of("recorded-by-operator", now, source, "api " + ctx.ip()), now);
                ctx.status(201).json(json(s));
                return;
            }
            Subscribers.SignUp signUp = app.subscribers().requestSubscription(email, name,
                    new ConsentRecord("requested", now, text(in, "consent_source").isEmpty() ? "api" : text(in, "consent_source"),
                            "api " + ctx.ip(), ctx.userAgent(), null), Duration.ofMinutes(10));
            app.dueWork().sendOnly(now);
            ctx.status(signUp.created() ? 201 : 200).json(json(app.subscribers().byId(signUp.subscriber().id()).orElseThrow()));
        });
        web.post("/api/subscribers/{email}/unsubscribe", ctx -> ctx.json(json(
                app.subscribers().unsubscribe(app.subscribers().byEmail(ctx.pathParam("email")), "api " + ctx.ip()))));
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
            Map<?, ?> in = ApiInput.object(ctx);
            Instant at;
            try {
                at = OffsetDateTime.parse(text(in, "at")).toInstant();
            } catch (DateTimeParseException e) {
                error(ctx, 400, "'at' must be an instant with an offset, like 2026-12-01T12:00+09:00");
                return;
            }
            String segment = text(in, "segment");
            Schedule s = app.announcements().schedule(ctx.pathParam("id"), at, segment.isEmpty() ? null : segment);
            ctx.json(Map.of("campaign", s.campaignId(), "send_at", s.sendAt().toString(), "segment", s.segment(),
                    "state", s.state()));
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
        web.exception(InvalidAddressException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        web.exception(SubscriberException.class, (e, ctx) -> error(ctx,
                e.kind() == SubscriberException.Kind.NOT_FOUND ? 404 : e.kind() == SubscriberException.Kind.ALREADY_EXISTS ? 409 : 400,
                e.getMessage()));
        web.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        web.exception(IllegalStateException.class, (e, ctx) -> error(ctx, 409, e.getMessage()));
        web.exception(io.javalin.http.BadRequestResponse.class, (e, ctx) -> error(ctx, 400, "the body must be JSON: " + e.getMessage()));
        web.exception(ApiInput.Problem.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        // What Javalin or the catch-all answers itself (no such route, a body too large, an unexpected
        // failure) is plain text; under /api it becomes the same {"error": ...} as everything else.
        jsonForApi(web, 404, "no such API endpoint: see the README for /api/subscribers and /api/campaigns");
        jsonForApi(web, 405, "this method is not allowed here");
        jsonForApi(web, 413, "the request body is too large");
        jsonForApi(web, 500, "the request failed on the server; its log has the details");
    }

    private static void jsonForApi(Javalin web, int status, String message) {
        web.error(status, ctx -> {
            String type = ctx.res().getContentType();
            if (ctx.path().startsWith("/api/") && (type == null || !type.startsWith("application/json"))) {
                error(ctx, status, status == 404 ? "no such API endpoint: " + ctx.method() + " " + ctx.path() : message);
            }
        });
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

    private static String text(Map<?, ?> in, String key) {
        Object v = in.get(key);
        return v == null ? "" : v.toString();
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
