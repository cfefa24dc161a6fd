package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
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
        return apiWithAuthorization(method, path, json, token == null ? null : "Bearer " + token);
    }

    private HttpResponse<String> apiWithAuthorization(String method, String path, String json, String authorization)
            throws Exception {
        HttpRequest.Builder r = request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return send(r);
    }

    /** A refusal as the API writes every one: JSON, {"error": "..."} with a message, and the status given. */
    private static void assertJsonError(int status, HttpResponse<String> r, String what) {
        assertEquals(status, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what + ": "
                + r.headers().firstValue("Content-Type"));
        assertTrue(r.body().matches("\\{\"error\":\"[^\"]+.*\"}"), what + ": " + r.body());
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "every form carries the token");
        return m.group(1);
    }

    /** Posts an admin form as the browser would, with the session's CSRF token from the campaign page. */
    private HttpResponse<String> adminForm(String cookie, String path, String... fields) throws Exception {
        String csrf = csrfOf(send(request("/admin/campaigns/newsletter").header("Cookie", cookie).GET()).body());
        StringBuilder form = new StringBuilder("csrf=" + csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private int deliveryRows() {
        return web.world.app().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries")
                .mapTo(Integer.class).one());
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

    @Test
    void everyApiRefusalOfBadInputIsJsonWithAMessageNeverA500() throws Exception {
        String token = WebWorld.API_TOKEN;
        assertJsonError(400, api("POST", "/api/subscribers", null, token), "no body");
        assertJsonError(400, api("POST", "/api/subscribers", "", token), "an empty body");
        assertJsonError(400, api("POST", "/api/subscribers", "{\"email\": ", token), "cut-off JSON");
        assertJsonError(400, api("POST", "/api/subscribers", "email=a@example.jp", token), "a form, not JSON");
        assertJsonError(400, api("POST", "/api/subscribers", "[\"a@example.jp\"]", token), "an array, not an object");
        assertJsonError(400, api("POST", "/api/subscribers", "null", token), "JSON null");
        assertJsonError(400, api("POST", "/api/subscribers", "{\"email\":\"a@example.jp\"} {}", token), "two objects");
        assertJsonError(400, api("POST", "/api/campaigns/course-early-booking/schedule", "{", token), "schedule, cut-off JSON");
        assertJsonError(400, api("POST", "/api/campaigns/course-early-booking/schedule", "{}", token), "schedule without 'at'");
        HttpResponse<String> afterX = api("GET", "/api/subscribers?after=x", null, token);
        assertJsonError(400, afterX, "after=x");
        assertTrue(afterX.body().contains("'after' must be a whole number"), afterX.body());
        assertFalse(afterX.body().contains("TYPE_CONVERSION_FAILED"), afterX.body());
        assertJsonError(400, api("GET", "/api/subscribers?limit=0", null, token), "limit=0");
        assertJsonError(400, api("GET", "/api/subscribers?limit=ten", null, token), "limit=ten");
        assertJsonError(400, api("GET", "/api/subscribers?after=-5", null, token), "after=-5");
        HttpResponse<String> unknown = api("GET", "/api/nothing-here", null, token);
        assertJsonError(404, unknown, "an unknown path");
        assertTrue(unknown.body().contains("/api/nothing-here"), unknown.body());
        assertJsonError(404, api("POST", "/api/subscribers/a@example.jp/nothing", null, token), "an unknown action");
        assertEquals(0, web.world.app().subscribers().page(0, 10).size(), "nobody was added by any of these");
    }

    @Test
    void aLimitOutsideOneTo500IsRefusedInsteadOfListingEveryone() throws Exception {
        String token = WebWorld.API_TOKEN;
        web.world.cli("subscribers", "add", "a@example.jp", "--confirmed", "--consent-source", "test");
        web.world.cli("subscribers", "add", "b@example.jp", "--confirmed", "--consent-source", "test");
        HttpResponse<String> negative = api("GET", "/api/subscribers?limit=-1", null, token);
        assertJsonError(400, negative, "limit=-1");
        assertTrue(negative.body().contains("from 1 to 500"), negative.body());
        assertFalse(negative.body().contains("a@example.jp"), negative.body());
        assertJsonError(400, api("GET", "/api/subscribers?limit=501", null, token), "limit=501");
        HttpResponse<String> one = api("GET", "/api/subscribers?limit=1", null, token);
        assertEquals(200, one.statusCode(), one.body());
        assertTrue(one.body().contains("a@example.jp") && !one.body().contains("b@example.jp"), one.body());
        assertEquals(200, api("GET", "/api/subscribers?limit=500", null, token).statusCode());
    }

    @Test
    void anUnknownCampaignIs404InTheApiAndA404PageInTheAdmin() throws Exception {
        String token = WebWorld.API_TOKEN;
        HttpResponse<String> schedule = api("POST", "/api/campaigns/no-such-campaign/schedule",
                "{\"at\":\"2026-12-01T12:00+09:00\"}", token);
        assertJsonError(404, schedule, "schedule");
        assertTrue(schedule.body().contains("no-such-campaign"), schedule.body());
        assertJsonError(404, api("POST", "/api/campaigns/no-such-campaign/schedule", "not json", token),
                "schedule with a bad body: the campaign is looked up first");
        assertJsonError(404, api("POST", "/api/campaigns/no-such-campaign/pause", null, token), "pause");
        assertJsonError(404, api("POST", "/api/campaigns/no-such-campaign/resume", null, token), "resume");
        assertJsonError(400, api("POST", "/api/campaigns/workbook/schedule", "{\"at\":\"2026-12-01T12:00+09:00\"}", token),
                "a campaign that is there but is no announcement is still a 400");

        String cookie = sessionCookie();
        for (String path : new String[] {"/admin/campaigns/no-such-campaign", "/admin/campaigns/no-such-campaign/report",
                "/admin/subscribers/999", "/admin/subscribers/abc"}) {
            HttpResponse<String> page = send(request(path).header("Cookie", cookie).GET());
            assertEquals(404, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(page.body().contains("<h1>見つかりません</h1>"), page.body());
        }
        assertTrue(send(request("/admin/campaigns/no-such-campaign").header("Cookie", cookie).GET()).body()
                .contains("キャンペーン「no-such-campaign」はありません。"));
        assertEquals(404, adminForm(cookie, "/admin/campaigns/no-such-campaign/pause").statusCode());
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() throws Exception {
        for (String scheme : new String[] {"Bearer", "bearer", "BEARER", "bEaReR"}) {
            HttpResponse<String> r = apiWithAuthorization("GET", "/api/campaigns", null, scheme + " " + WebWorld.API_TOKEN);
            assertEquals(200, r.statusCode(), scheme + ": " + r.body());
        }
        assertJsonError(401, apiWithAuthorization("GET", "/api/campaigns", null, "bearer wrong-token-wrong-token-wrong"),
                "a wrong token");
        assertJsonError(401, apiWithAuthorization("GET", "/api/campaigns", null, "Basic " + WebWorld.API_TOKEN),
                "another scheme");
        assertJsonError(401, apiWithAuthorization("GET", "/api/campaigns", null, "bearer" + WebWorld.API_TOKEN),
                "no space after the scheme");
    }

    @Test
    void theCampaignPageSendsATestCopyMarkedAsATestAndRecordsNoDelivery() throws Exception {
        String cookie = sessionCookie();
        String page = send(request("/admin/campaigns/workbook").header("Cookie", cookie).GET()).body();
        assertTrue(page.contains("action=\"/admin/campaigns/workbook/test-send"), "the page offers a test send");
        int rowsBefore = deliveryRows();

        HttpResponse<String> sent = adminForm(cookie, "/admin/campaigns/workbook/test-send",
                "to", "editor@example.jp", "step", "3");
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().contains("テスト送信しました: editor@example.jp 宛て（3通目）"), sent.body());
        web.awaitMail(1);
        var mail = web.world.received().get(0);
        assertTrue(MailParts.subject(mail).startsWith("[テスト]"), MailParts.subject(mail));
        assertTrue(MailParts.subject(mail).contains("【3日目】"), MailParts.subject(mail));
        assertEquals("editor@example.jp", MailParts.to(mail));
        assertEquals(rowsBefore, deliveryRows(), "a test copy is no delivery");

        HttpResponse<String> badAddress = adminForm(cookie, "/admin/campaigns/workbook/test-send", "to", "not an address",
                "step", "1");
        assertEquals(400, badAddress.statusCode());
        assertTrue(badAddress.body().contains("テスト送信できませんでした: "), badAddress.body());
        HttpResponse<String> badStep = adminForm(cookie, "/admin/campaigns/workbook/test-send", "to", "editor@example.jp",
                "step", "8");
        assertEquals(400, badStep.statusCode());
        assertTrue(badStep.body().contains("1 から 7"), badStep.body());
        HttpResponse<String> announcement = adminForm(cookie, "/admin/campaigns/course-early-booking/test-send",
                "to", "editor@example.jp");
        assertEquals(200, announcement.statusCode(), announcement.body());
        web.awaitMail(2);
        assertTrue(MailParts.subject(web.world.received().get(1)).startsWith("[テスト] 【読者先行】"));
        assertEquals(2, web.world.received().size(), "nothing went out for the refused forms");
        assertEquals(rowsBefore, deliveryRows());
    }

    @Test
    void theDashboardListsTheNextSendsSoonestFirst() throws Exception {
        String cookie = sessionCookie();
        // the newsletter's next issue is Tuesday 2026-11-24 07:00; the announcement goes a week later
        web.world.app().announcements().schedule("course-early-booking", tokyo(2026, 12, 1, 12, 0), null);
        String page = send(request("/admin").header("Cookie", cookie).GET()).body();
        int newsletter = page.indexOf("href=\"/admin/campaigns/newsletter\"");
        int announcement = page.indexOf("href=\"/admin/campaigns/course-early-booking\"");
        int workbook = page.indexOf("href=\"/admin/campaigns/workbook\"");
        assertTrue(newsletter > 0 && announcement > 0 && workbook > 0, page);
        assertTrue(newsletter < announcement, "11-24 before 12-01");
        assertTrue(announcement < workbook, "dated sends before the per-subscriber sequence");

        web.world.app().announcements().schedule("course-early-booking", tokyo(2026, 11, 23, 18, 0), null);
        page = send(request("/admin").header("Cookie", cookie).GET()).body();
        assertTrue(page.indexOf("href=\"/admin/campaigns/course-early-booking\"")
                < page.indexOf("href=\"/admin/campaigns/newsletter\""), "this evening before tomorrow morning");
    }

    @Test
    void aNoticeIsOneOfTheFixedJapaneseSentencesAndUnknownKeysShowNothing() throws Exception {
        String cookie = sessionCookie();
        String scheduled = send(request("/admin/campaigns?done=scheduled").header("Cookie", cookie).GET()).body();
        assertTrue(scheduled.contains("<p class=\"notice\" role=\"status\">配信を予約しました。</p>"), scheduled);
        String paused = send(request("/admin/campaigns/newsletter?done=paused").header("Cookie", cookie).GET()).body();
        assertTrue(paused.contains("一時停止しました。"), paused);
        String forged = "当選しました。support@evil.example に連絡してください";
        String page = send(request("/admin/campaigns?done=" + URLEncoder.encode(forged, StandardCharsets.UTF_8))
                .header("Cookie", cookie).GET()).body();
        assertFalse(page.contains("evil.example"), page);
        assertFalse(page.contains("class=\"notice\""), page);

        HttpResponse<String> pause = adminForm(cookie, "/admin/campaigns/newsletter/pause");
        assertEquals("/admin/campaigns/newsletter?done=paused", pause.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aBadDateShowsTheScheduleFormAgainWithTheErrorAndStatus400() throws Exception {
        String cookie = sessionCookie();
        HttpResponse<String> r = adminForm(cookie, "/admin/campaigns/course-early-booking/schedule",
                "at", "next tuesday", "segment", "workbook-finished");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").isEmpty(), "no redirect");
        assertTrue(r.body().contains("日時の形式が正しくありません"), r.body());
        assertTrue(r.body().contains("id=\"schedule-form\""), "the form is there to correct");
        assertTrue(r.body().contains("value=\"workbook-finished\""), "with what the operator typed");
        assertTrue(web.world.app().announcements().find("course-early-booking").isEmpty());

        HttpResponse<String> segment = adminForm(cookie, "/admin/campaigns/course-early-booking/schedule",
                "at", "2026-12-01T12:00", "segment", "everyone");
        assertEquals(400, segment.statusCode());
        assertTrue(segment.body().contains("配信先「everyone」はありません。一覧から選んでください。"), segment.body());
        assertFalse(segment.body().contains("valid segments"), "no English on the page");

        HttpResponse<String> good = adminForm(cookie, "/admin/campaigns/course-early-booking/schedule",
                "at", "2026-12-01T12:00", "segment", "all");
        assertEquals(302, good.statusCode(), good.body());
        assertEquals(tokyo(2026, 12, 1, 12, 0),
                web.world.app().announcements().find("course-early-booking").orElseThrow().sendAt());
    }
}
