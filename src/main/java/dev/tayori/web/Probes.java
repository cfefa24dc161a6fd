package dev.tayori.web;

import dev.tayori.health.Readiness;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * GET /healthz and GET /readyz, for a load balancer or an orchestrator: plain text, no session, no
 * cache, the security headers of every answer (SecurityHeaders runs before every handler). /healthz
 * is 200 whenever the process answers at all (restart it when it does not); /readyz is 200 only when
 * this node can serve readers (health/Readiness), else 503 with the reason in a few words.
 */
final class Probes {
    private Probes() {
    }

    static void register(Javalin javalin, Readiness readiness) {
        javalin.get("/healthz", ctx -> answer(ctx, 200, "ok"));
        javalin.get("/readyz", ctx -> {
            Readiness.Answer a = readiness.now();
            answer(ctx, a.ready() ? 200 : 503, a.ready() ? "ready" : "not ready: " + a.reason());
        });
    }

    private static void answer(Context ctx, int status, String text) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(text + "\n");
    }
}
