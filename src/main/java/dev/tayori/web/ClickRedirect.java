package dev.tayori.web;

import dev.tayori.tracking.Clicks;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code /r/TOKEN}: a link in a mail with click counts on. It answers 302 to the link that was in
 * that mail and nowhere else; a token we did not make (unknown, altered, cut short) is the Japanese
 * 404 page. HEAD is answered too (a scanner's or a client's check) but never counted.
 */
final class ClickRedirect {
    private final Clicks clicks;

    private ClickRedirect(Clicks clicks) {
        this.clicks = clicks;
    }

    static void register(Javalin web, Clicks clicks) {
        ClickRedirect redirect = new ClickRedirect(clicks);
        web.get("/r/{token}", ctx -> redirect.follow(ctx, false));
        web.head("/r/{token}", ctx -> redirect.follow(ctx, true));
    }

    private void follow(Context ctx, boolean head) {
        var followed = clicks.follow(ctx.pathParam("token"), head, ctx.userAgent());
        if (followed.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        // the reader's click must not be answered from a cache, or the next one is not seen
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.redirect(followed.get().url(), HttpStatus.FOUND);
    }
}
