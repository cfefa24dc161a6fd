package dev.tayori.web;

import io.javalin.http.Context;

/**
 * The headers every answer carries, pages, API, static files, 404s and errors alike; set before any
 * handler runs (WebServer's one before-handler), so an exception or a missing route cannot skip them.
 *
 * <p>Our pages need nothing inline: styles come from /assets/*.css, there is no script, and the
 * admin charts are inline SVG elements whose presentation attributes (fill, font-size) CSP does not
 * treat as styles. So {@code default-src 'self'} holds without {@code 'unsafe-inline'}. The public
 * subscribe form pasted into the blog still works: CSP on our pages does not govern the blog's page,
 * and its POST to /subscribe is not framing.
 */
public final class SecurityHeaders {
    static final String PAGE_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    /**
     * A mail's own HTML (the admin preview in its sandboxed iframe, the demo mailbox): mail HTML uses
     * inline styles, as every mail client expects, so those are allowed deliberately here and only
     * here; images may come from anywhere a real mail's would; scripts never run; only our own
     * pages may frame it.
     */
    static final String MAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:;"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-top-navigation-by-user-activation";

    private SecurityHeaders() {
    }

    /** The defaults, for every request. */
    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY"); // for browsers that predate frame-ancestors
        ctx.header("Referrer-Policy", carriesToken(ctx.path()) ? "no-referrer" : "same-origin");
    }

    /** A confirm or unsubscribe link's token must not leak to another site through the Referer header. */
    static boolean carriesToken(String path) {
        return path.startsWith("/confirm/") || path.startsWith("/unsubscribe/");
    }

    /** For an answer that is a mail's HTML rather than one of our pages. */
    public static void mailHtml(Context ctx) {
        ctx.header("Content-Security-Policy", MAIL_POLICY);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
