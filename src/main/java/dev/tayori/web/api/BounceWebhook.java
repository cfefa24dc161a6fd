package dev.tayori.web.api;

import dev.tayori.App;
import dev.tayori.inbound.InboundKind;
import dev.tayori.mail.InvalidAddressException;
import dev.tayori.subscriber.SubscriberException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * POST /webhooks/bounce, for relays that report bounces and complaints by HTTP instead of by mail:
 * {"email", "kind": "hard"|"soft"|"complaint", "reason"} with the API token as bearer, read as
 * strictly as the API's bodies (unknown or repeated fields refused), acted on as a bounce from the
 * mailbox would be. Every answer is JSON; every refusal says which field.
 */
public final class BounceWebhook {
    static final Set<String> FIELDS = Set.of("email", "kind", "reason");
    static final int REASON_LIMIT = 1000;

    private BounceWebhook() {
    }

    public static void register(Javalin web, App app) {
        web.post("/webhooks/bounce", ctx -> handle(ctx, app));
    }

    private static void handle(Context ctx, App app) {
        String token = app.settings().apiToken();
        if (token.isEmpty()) {
            answer(ctx, 401, Map.of("error", "the webhook is off: set api.token (TAYORI_API_TOKEN)"));
            return;
        }
        if (!MessageDigest.isEqual(bearer(ctx.header("Authorization")).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            answer(ctx, 401, Map.of("error", "missing or wrong bearer token"));
            return;
        }
        try {
            ApiInput.Body in = ApiInput.object(ctx, FIELDS);
            String email = in.required("email", "reader@example.jp");
            String kindText = in.required("kind", "hard");
            InboundKind kind = InboundKind.fromWebhook(kindText).orElseThrow(() -> new ApiInput.Problem(400,
                    "'kind' must be \"hard\", \"soft\" or \"complaint\", not '" + ApiInput.printable(kindText) + "'"));
            String reason = in.text("reason").replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").strip();
            if (reason.length() > REASON_LIMIT) {
                throw new ApiInput.Problem(400, "'reason' must be at most " + REASON_LIMIT + " characters");
            }
            String done = app.bounces().fromWebhook(email, kind, reason.isEmpty() ? "reported by webhook" : reason);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", app.subscribers().byEmail(email).email());
            body.put("kind", kind.db());
            body.put("status", app.subscribers().byEmail(email).status().db());
            body.put("done", done);
            answer(ctx, 200, body);
        } catch (ApiInput.Problem e) {
            answer(ctx, e.status(), Map.of("error", e.getMessage()));
        } catch (InvalidAddressException e) {
            answer(ctx, 400, Map.of("error", "'email': " + e.getMessage()));
        } catch (SubscriberException e) {
            answer(ctx, e.kind() == SubscriberException.Kind.NOT_FOUND ? 404 : 400, Map.of("error", "'email': " + e.getMessage()));
        }
    }

    private static void answer(Context ctx, int status, Map<String, ?> body) {
        ctx.status(status).json(body);
        ctx.skipRemainingHandlers();
    }

    /** RFC 7235: the scheme is case-insensitive; "" when there is none. */
    private static String bearer(String header) {
        if (header == null) {
            return "";
        }
        String[] parts = header.strip().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("Bearer") ? parts[1].strip() : "";
    }
}
