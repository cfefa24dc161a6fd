package dev.tayori.web;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POST /webhooks/bounce over real HTTP: a relay that reports bounces and complaints by HTTP. */
class BounceWebhookHttpTest {
    @TempDir
    Path dir;
    WebWorld web;

    @BeforeEach
    void start() throws Exception {
        web = new WebWorld(dir, tokyo(2026, 11, 23, 10, 0), false);
        for (String email : new String[] {"hard@example.com", "soft@example.com", "spam@example.com"}) {
            assertEquals(0, web.world.cli("subscribers", "add", email, "--confirmed", "--consent-source", "test").exitCode());
        }
        web.world.cli("send-due");
    }

    @AfterEach
    void stop() {
        web.close();
    }

    private HttpResponse<String> post(String json, String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(web.base + "/webhooks/bounce"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return web.http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String status(String email) {
        return web.world.app().subscribers().byEmail(email).status().db();
    }

    @Test
    void aHardBounceAComplaintAndSoftBouncesReportedByHttpActAsFromTheMailbox() throws Exception {
        String token = "Bearer " + WebWorld.API_TOKEN;
        HttpResponse<String> hard = post("{\"email\":\"hard@example.com\",\"kind\":\"hard\",\"reason\":\"550 5.1.1 user unknown\"}", token);
        assertEquals(200, hard.statusCode(), hard.body());
        assertTrue(hard.body().contains("\"status\":\"bounced\""), hard.body());
        assertEquals("bounced", status("hard@example.com"));

        assertEquals(200, post("{\"email\":\"spam@example.com\",\"kind\":\"complaint\"}", token).statusCode());
        assertEquals("unsubscribed", status("spam@example.com"));
        assertEquals("complaint", web.world.app().subscribers().byEmail("spam@example.com").unsubscribeSource());

        HttpResponse<String> soft = post("{\"email\":\"soft@example.com\",\"kind\":\"soft\",\"reason\":\"mailbox full\"}", token);
        assertTrue(soft.body().contains("counted: 1 of 3"), soft.body());
        assertEquals("confirmed", status("soft@example.com"));
        String show = web.world.cli("subscribers", "show", "hard@example.com").out();
        assertTrue(show.contains("hard  5.0.0  workbook  550 5.1.1 user unknown"), show);
    }

    @Test
    void theAdminSubscriberPageListsTheReportsInJapanese() throws Exception {
        post("{\"email\":\"hard@example.com\",\"kind\":\"hard\",\"reason\":\"550 5.1.1 <b>user</b> unknown\"}",
                "Bearer " + WebWorld.API_TOKEN);
        HttpResponse<String> login = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + java.net.URLEncoder.encode(WebWorld.ADMIN_PASSWORD,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        long id = web.world.app().subscribers().byEmail("hard@example.com").id();
        HttpResponse<String> page = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/admin/subscribers/" + id))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        String reports = page.body().substring(page.body().indexOf("id=\"reports\""));
        assertTrue(reports.contains("配信不能（恒久的）") && reports.contains("5.0.0"), reports);
        assertTrue(reports.contains("&lt;b&gt;user&lt;/b&gt;"), "the relay's words are escaped");
        // and on the report of the campaign whose mail bounced (lesson 1 of the workbook), with the address
        String report = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/admin/campaigns/workbook/report"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        String listed = report.substring(report.indexOf("id=\"reports\""));
        assertTrue(listed.contains("配信不能（恒久的）") && listed.contains("hard@example.com") && listed.contains("5.0.0")
                && listed.contains("&lt;b&gt;user&lt;/b&gt;"), listed);

        // the operator undoes the bounce from the page: a reason is required, then kept
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(reports);
        assertTrue(csrf.find(), "the undo form carries the CSRF token");
        HttpResponse<String> noReason = adminPost(cookie, "/admin/subscribers/" + id + "/unbounce", "csrf=" + csrf.group(1) + "&reason=");
        assertEquals(302, noReason.statusCode());
        assertEquals("bounced", status("hard@example.com"));
        HttpResponse<String> undone = adminPost(cookie, "/admin/subscribers/" + id + "/unbounce", "csrf=" + csrf.group(1)
                + "&reason=" + java.net.URLEncoder.encode("中継サーバーの障害でした", StandardCharsets.UTF_8));
        assertEquals(302, undone.statusCode());
        assertEquals("confirmed", status("hard@example.com"));
        String after = web.http.send(HttpRequest.newBuilder(URI.create(web.base + "/admin/subscribers/" + id + "?done=unbounced"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertTrue(after.contains("配信不能の取り消し") && after.contains("中継サーバーの障害でした"), after);
        assertTrue(after.contains("配信不能を取り消しました。"), after);
    }

    private HttpResponse<String> adminPost(String cookie, String path, String form) throws Exception {
        return web.http.send(HttpRequest.newBuilder(URI.create(web.base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWrongTokenIs401AndABadBodyIs400NamingTheFieldWithNothingChanged() throws Exception {
        Snapshot before = Snapshot.of(web.world);
        String good = "{\"email\":\"hard@example.com\",\"kind\":\"hard\"}";
        assertEquals(401, post(good, null).statusCode());
        HttpResponse<String> wrong = post(good, "Bearer not-the-token-at-all-0000000");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().startsWith("{\"error\""), wrong.body());

        String token = "Bearer " + WebWorld.API_TOKEN;
        HttpResponse<String> kind = post("{\"email\":\"hard@example.com\",\"kind\":\"permanent\"}", token);
        assertEquals(400, kind.statusCode());
        assertTrue(kind.body().contains("'kind'"), kind.body());
        HttpResponse<String> unknownField = post("{\"email\":\"hard@example.com\",\"kind\":\"hard\",\"reasn\":\"x\"}", token);
        assertEquals(400, unknownField.statusCode());
        assertTrue(unknownField.body().contains("reasn") && unknownField.body().contains("reason"), unknownField.body());
        HttpResponse<String> twice = post("{\"email\":\"hard@example.com\",\"email\":\"soft@example.com\",\"kind\":\"hard\"}", token);
        assertEquals(400, twice.statusCode());
        HttpResponse<String> noEmail = post("{\"kind\":\"hard\"}", token);
        assertEquals(400, noEmail.statusCode());
        assertTrue(noEmail.body().contains("'email'"), noEmail.body());
        HttpResponse<String> badEmail = post("{\"email\":\"not an address\",\"kind\":\"hard\"}", token);
        assertEquals(400, badEmail.statusCode());
        assertTrue(badEmail.body().contains("'email'"), badEmail.body());
        HttpResponse<String> stranger = post("{\"email\":\"stranger@example.org\",\"kind\":\"hard\"}", token);
        assertEquals(404, stranger.statusCode());
        assertEquals(400, post("[1,2]", token).statusCode());
        assertEquals(400, post("{\"email\":\"hard@example.com\",\"kind\":\"hard\",\"reason\":7}", token).statusCode());
        assertFalse(stranger.body().contains("Exception"));
        assertEquals(before, Snapshot.of(web.world));
    }
}
