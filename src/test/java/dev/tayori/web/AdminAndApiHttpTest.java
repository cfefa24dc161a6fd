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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's admin pages and the REST API, over real HTTP. */
class AdminAndApiHttpTest {
    @TempDir
    Path dir;
    WebWorld web;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return web.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(web.base + path));
    }

    private HttpResponse<String> signIn(String password) throws Exception {
        return send(request("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    }

    private String sessionCookie() throws Exception {
        HttpResponse<String> r = signIn(WebWorld.ADMIN_PASSWORD);
        assertEquals(302, r.statusCode());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse<String> api(String method, String path, String json, String token) throws Exception {
        HttpRequest.Builder r = request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    @Test
    void adminPagesWithoutASessionRedirectToSignIn() throws Exception {
        for (String path : new String[] {"/admin", "/admin/campaigns", "/admin/subscribers", "/admin/campaigns/newsletter"}) {
            HttpResponse<String> r = send(request(path).GET());
            assertEquals(302, r.statusCode(), path);
            assertEquals("/admin/login", r.headers().firstValue("Location").orElseThrow(), path);
        }
        assertEquals(401, send(request("/admin/campaigns/newsletter/pause").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode());
        assertFalse(web.world.app().control().paused("newsletter"));
    }

    @Test
    void aWrongPasswordIsRefusedAndSignInAttemptsAreRateLimited() throws Exception {
        assertEquals(401, signIn("guess").statusCode());
        for (int i = 0; i < 3; i++) {
            signIn("guess " + i);
        }
        assertEquals(302, signIn(WebWorld.ADMIN_PASSWORD).statusCode(), "the fifth attempt, right, gets in");
        assertEquals(429, signIn(WebWorld.ADMIN_PASSWORD).statusCode(), "the sixth in a minute is refused");
    }

    @Test
    void aForgedFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        String cookie = sessionCookie();
        HttpResponse<String> forged = send(request("/admin/campaigns/newsletter/pause").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")));
        assertEquals(403, forged.statusCode());
        assertFalse(web.world.app().control().paused("newsletter"));

        String page = send(request("/admin/campaigns/newsletter").header("Cookie", cookie).GET()).body();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "every form carries the token");
        HttpResponse<String> real = send(request("/admin/campaigns/newsletter/pause").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + m.group(1))));
        assertEquals(302, real.statusCode());
        assertTrue(web.world.app().control().paused("newsletter"));
    }

    @Test
    void theDashboardShowsSubscribersAndADrawnChart() throws Exception {
        web.world.cli("subscribers", "add", "a@example.jp", "--confirmed", "--consent-source", "test");
        String cookie = sessionCookie();
        String page = send(request("/admin").header("Cookie", cookie).GET()).body();
        assertTrue(page.contains("<svg"), "the chart is inline SVG drawn by tayori");
        assertFalse(page.contains("<script src=\"http"), "nothing loaded from elsewhere");
        String subscriber = send(request("/admin/subscribers?q=a%40example.jp").header("Cookie", cookie).GET()).body();
        assertTrue(subscriber.contains("a@example.jp"));
    }

    @Test
    void theApiWithoutTheTokenAnswers401() throws Exception {
        HttpResponse<String> none = api("GET", "/api/subscribers", null, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("\"error\""), none.body());
        assertEquals(401, api("GET", "/api/campaigns", null, "wrong-token-wrong-token-wrong").statusCode());
    }

    @Test
    void theApiAddsShowsListsAndUnsubscribesSubscribers() throws Exception {
        String token = WebWorld.API_TOKEN;
        HttpResponse<String> added = api("POST", "/api/subscribers",
                "{\"email\":\"api@example.jp\",\"name\":\"花子\",\"confirmed\":true,\"consent_source\":\"paper form\"}", token);
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(added.body().contains("\"status\":\"confirmed\""), added.body());
        assertEquals(409, api("POST", "/api/subscribers",
                "{\"email\":\"api@example.jp\",\"confirmed\":true,\"consent_source\":\"x\"}", token).statusCode());
        HttpResponse<String> bad = api("POST", "/api/subscribers", "{\"email\":\"not an address\"}", token);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"error\""), bad.body());
        assertEquals(200, api("GET", "/api/subscribers/api@example.jp", null, token).statusCode());
        assertEquals(404, api("GET", "/api/subscribers/nobody@example.jp", null, token).statusCode());
        assertTrue(api("GET", "/api/subscribers?limit=10", null, token).body().contains("api@example.jp"));
        HttpResponse<String> gone = api("POST", "/api/subscribers/api@example.jp/unsubscribe", null, token);
        assertTrue(gone.body().contains("\"status\":\"unsubscribed\""), gone.body());
    }

    @Test
    void theApiListsSchedulesPausesAndResumesCampaigns() throws Exception {
        String token = WebWorld.API_TOKEN;
        assertTrue(api("GET", "/api/campaigns", null, token).body().contains("\"id\":\"course-early-booking\""));
        HttpResponse<String> scheduled = api("POST", "/api/campaigns/course-early-booking/schedule",
                "{\"at\":\"2026-12-01T12:00+09:00\",\"segment\":\"all\"}", token);
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        HttpResponse<String> wrongSegment = api("POST", "/api/campaigns/course-early-booking/schedule",
                "{\"at\":\"2026-12-01T12:00+09:00\",\"segment\":\"everyone\"}", token);
        assertEquals(400, wrongSegment.statusCode());
        assertTrue(wrongSegment.body().contains("valid segments"), wrongSegment.body());
        assertEquals(200, api("POST", "/api/campaigns/newsletter/pause", null, token).statusCode());
        assertTrue(web.world.app().control().paused("newsletter"));
        assertEquals(200, api("POST", "/api/campaigns/newsletter/resume", null, token).statusCode());
        assertFalse(web.world.app().control().paused("newsletter"));
    }
}
