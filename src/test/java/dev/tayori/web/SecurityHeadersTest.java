package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of answer carries the security headers, and no page of ours can be framed by another site. */
class SecurityHeadersTest {
    @TempDir
    Path dir;
    WebWorld web;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), true);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private static void assertHeaders(HttpResponse<String> r, String referrer) {
        String what = r.request().method() + " " + r.uri() + " (" + r.statusCode() + ")";
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), what + ": " + csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), what + ": " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), what);
        assertEquals(referrer, r.headers().firstValue("Referrer-Policy").orElse(""), what);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/subscribe", "/", "/admin/login", "/admin", "/assets/tayori.css", "/mailbox", "/mailbox/99",
            "/no-such-page", "/admin/no-such-page", "/api/subscribers", "/api/no-such-endpoint"})
    void everyGetAnswerCarriesTheHeaders(String path) throws Exception {
        assertHeaders(web.get(path), "same-origin");
    }

    /** Jetty refuses these before Javalin sees them; its answer still carries the headers (and says nothing of Jetty). */
    @ParameterizedTest
    @ValueSource(strings = {"/subscribe/%00", "/confirm/%2e%2e%2fadmin", "/unsubscribe/a%00b"})
    void aPathJettyRefusesStillCarriesTheHeaders(String path) throws Exception {
        HttpResponse<String> r = web.get(path);
        assertTrue(r.statusCode() == 400 || r.statusCode() == 404, r.statusCode() + " " + r.body());
        assertHeaders(r, "no-referrer");
        assertFalse(r.body().contains("Jetty") || r.body().contains("Exception"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/confirm/not-a-real-token", "/unsubscribe/not-a-real-token"})
    void pagesWhoseUrlCarriesATokenSendNoReferrer(String path) throws Exception {
        assertHeaders(web.get(path), "no-referrer");
        assertHeaders(web.post(path, ""), "no-referrer");
    }

    @Test
    void aRealConfirmationAndUnsubscribePageSendNoReferrer() throws Exception {
        web.post("/subscribe", "email=" + URLEncoder.encode("head@example.jp", StandardCharsets.UTF_8) + "&consent=yes");
        web.awaitMail(1);
        String link = WebWorld.link(dev.tayori.MailParts.text(web.world.received().get(0)), "confirm");
        HttpResponse<String> confirm = web.http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, confirm.statusCode(), confirm.body());
        assertHeaders(confirm, "no-referrer");
    }

    @Test
    void aSignUpPostAndAnAdminSignInPostCarryTheHeaders() throws Exception {
        assertHeaders(web.post("/subscribe", "email=x"), "same-origin");
        assertHeaders(web.post("/admin/login", "password=wrong"), "same-origin");
    }

    @Test
    void aMethodNotAllowedOnAPageIsAJapanesePageWithTheHeaders() throws Exception {
        HttpResponse<String> r = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/subscribe"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(405, r.statusCode());
        assertTrue(r.body().contains("この操作はできません"), r.body());
        assertHeaders(r, "same-origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-page", "/subscribe/extra", "/confirm", "/unsubscribe"})
    void aPublicNotFoundIsAJapanesePage(String path) throws Exception {
        HttpResponse<String> r = web.get(path);
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.body());
        assertTrue(r.body().contains("ページが見つかりません") && r.body().contains("<html lang=\"ja\">"), r.body());
        assertFalse(r.body().contains("Endpoint") || r.body().contains("not found"), r.body());
    }

    @Test
    void aHugeFormIsAJapanesePage() throws Exception {
        HttpResponse<String> r = web.post("/subscribe", "email=a%40example.jp&name=" + "a".repeat(100_000));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("大きすぎます"), r.body());
        assertEquals(0, web.world.received().size());
    }

    @Test
    void aMailShownInTheMailboxMayUseInlineStylesButNoScriptAndOnlyWeMayFrameIt() throws Exception {
        web.post("/subscribe", "email=" + URLEncoder.encode("box@example.jp", StandardCharsets.UTF_8) + "&consent=yes");
        web.awaitMail(1);
        HttpResponse<String> r = web.get("/mailbox/1/html");
        assertEquals(200, r.statusCode());
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'self'") && csp.contains("sandbox"), csp);
        assertFalse(csp.contains("script-src"), "no script source at all: " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("SAMEORIGIN", r.headers().firstValue("X-Frame-Options").orElse(""));
    }
}
