package dev.tayori.tracking;

import static dev.tayori.TestWorld.TOKYO;
import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import dev.tayori.subscriber.ConsentRecord;
import dev.tayori.web.WebServer;
import dev.tayori.web.admin.AdminAuth;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Click counts over real SMTP (GreenMail), a real SQLite file and real HTTP to /r/. */
class ClickTrackingTest {
    private static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ARTICLE = "https://kokoro.example.jp/columns/rest/";

    @TempDir
    Path dir;
    TestWorld world;
    WebServer web;
    String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private void start(boolean clicks) throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(articles.resolve("rest.md"), """
                ---
                title: "疲れた日の休み方"
                url: %s
                published: %s
                ---
                疲れた日は、まず深呼吸をひとつ。肩の力を抜いてみましょう。小さなことから始めれば大丈夫です。
                """.formatted(ARTICLE, tokyo(2026, 11, 30, 6, 0).atZone(TOKYO).toOffsetDateTime()));
        world = new TestWorld(dir, tokyo(2026, 11, 30, 12, 0));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        world.env().put("TAYORI_WEB_BASE_URL", base);
        world.env().put("TAYORI_ARTICLES_DIR", articles.toString());
        if (clicks) {
            world.env().put("TAYORI_TRACKING_CLICKS", "true");
        }
        AdminAuth auth = new AdminAuth(world.app().jdbi(), world.clock);
        auth.prepare(PASSWORD);
        web = new WebServer(world.app(), null, auth).start("127.0.0.1", port);
        Instant now = world.clock.instant();
        world.app().subscribers().addConfirmed("hanako@example.jp", "花子",
                ConsentRecord.of("recorded-by-operator", now, "test", "test"), now);
        runAt(now); // lesson 1
        runAt(tokyo(2026, 12, 1, 7, 0)); // Tuesday's issue, with the column
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
        if (world != null) {
            world.close();
        }
    }

    private void runAt(Instant at) {
        world.clock.set(at);
        assertEquals(null, world.app().dueWork().run(at).problem());
    }

    private MimeMessage mail(String listId) {
        return world.received().stream().filter(m -> MailParts.header(m, "List-Id").startsWith("<" + listId + "."))
                .findFirst().orElseThrow(() -> new AssertionError("no " + listId + " mail"));
    }

    private static List<String> tracked(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("/r/([A-Za-z0-9._-]+)").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private HttpResponse<String> request(String method, String path, String userAgent) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (userAgent != null) {
            r.header("User-Agent", userAgent);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The campaign's report page in the admin, signed in. */
    private String reportPage(String campaign) throws Exception {
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + PASSWORD.replace(' ', '+'))).build(),
                HttpResponse.BodyHandlers.ofString());
        String set = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/campaigns/" + campaign
                + "/report")).header("Cookie", set.substring(0, set.indexOf(';'))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private String stats() {
        var result = world.cli("campaigns", "stats", "newsletter");
        assertEquals(0, result.exitCode(), result.err());
        return result.out();
    }

    @Test
    void withClicksOnTheIssuesLinksGoThroughRAndAReadersClickIsCountedOnceUniqueAndTwiceTotal() throws Exception {
        start(true);
        MimeMessage issue = mail("newsletter");
        String html = MailParts.html(issue);
        String text = MailParts.text(issue);
        assertFalse(html.contains(ARTICLE) || text.contains(ARTICLE), "the article's own URL is not in the mail");
        List<String> inHtml = tracked(html);
        List<String> inText = tracked(text);
        assertFalse(inHtml.isEmpty(), html);
        assertFalse(inText.isEmpty(), text);
        assertTrue(inHtml.containsAll(inText), "both parts carry the same token for the same link");
        assertTrue(html.contains(base + "/unsubscribe/") && text.contains(base + "/unsubscribe/"),
                "the unsubscribe link is never rewritten");
        String token = inText.get(0);

        HttpResponse<String> head = request("HEAD", "/r/" + token, BROWSER);
        HttpResponse<String> scanner = request("GET", "/r/" + token,
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 BingPreview/1.0b");
        HttpResponse<String> script = request("GET", "/r/" + token, "python-requests/2.31.0");
        for (HttpResponse<String> r : List.of(head, scanner, script)) {
            assertEquals(302, r.statusCode());
            assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith(ARTICLE));
        }
        assertTrue(stats().contains("clicks: 0 unique, 0 total"), "HEAD and scanners are not clicks: " + stats());

        HttpResponse<String> click = request("GET", "/r/" + token, BROWSER);
        assertEquals(302, click.statusCode());
        assertTrue(click.headers().firstValue("Location").orElseThrow().startsWith(ARTICLE),
                "to the link that was in the mail");
        assertEquals(302, request("GET", "/r/" + token, BROWSER).statusCode());
        String stats = stats();
        assertTrue(stats.contains("clicks: 1 unique, 2 total"), stats);
        assertTrue(stats.contains("1 unique, 2 total  " + ARTICLE), stats);
        String report = reportPage("newsletter");
        assertTrue(report.contains("クリックした読者 1人、クリック 2回"), report);
        assertTrue(report.contains("<td data-label=\"リンク\">" + ARTICLE), report);
    }

    @Test
    void anUnknownOrAlteredTokenIsTheJapaneseNotFoundPageAndCountsNothing() throws Exception {
        start(true);
        String token = tracked(MailParts.text(mail("newsletter"))).get(0);
        String[] parts = token.split("\\.");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String cut = parts[2].substring(0, parts[2].length() - 1);
        int last = alphabet.indexOf(parts[2].charAt(parts[2].length() - 1));
        List<String> bad = List.of(
                // the last character of 16 bytes in base64 carries two bits: flipping an unused one
                // decodes to the same bytes, and is still not our token
                parts[0] + "." + parts[1] + "." + cut + alphabet.charAt(last ^ 1),
                parts[0] + "." + parts[1] + "." + cut + alphabet.charAt(last ^ 32),
                "0" + parts[0] + "." + parts[1] + "." + parts[2],
                (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2],
                parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2],
                "1.1.AAAAAAAAAAAAAAAAAAAAAA", "https:%2F%2Fevil.example", "x");
        for (String t : bad) {
            HttpResponse<String> r = request("GET", "/r/" + t, BROWSER);
            assertEquals(404, r.statusCode(), t);
            assertTrue(r.body().contains("ページが見つかりません"), r.body());
            assertTrue(r.headers().firstValue("Location").isEmpty(), "no redirect for " + t);
        }
        assertTrue(stats().contains("clicks: 0 unique, 0 total"), stats());
    }

    @Test
    void aLessonsUnsubscribeLinkIsLeftAsItIs() throws Exception {
        start(true);
        MimeMessage lesson = mail("workbook");
        for (String part : List.of(MailParts.html(lesson), MailParts.text(lesson))) {
            assertTrue(part.contains(base + "/unsubscribe/"), part);
            assertEquals(List.of(), tracked(part), "a lesson with no other link has nothing behind /r/");
        }
    }

    @Test
    void withClicksOffByDefaultTheLinksAreTheArticlesOwnAndStatsSaySo() throws Exception {
        start(false);
        MimeMessage issue = mail("newsletter");
        assertTrue(MailParts.html(issue).contains("href=\"" + ARTICLE), MailParts.html(issue));
        assertTrue(MailParts.text(issue).contains(ARTICLE), MailParts.text(issue));
        assertEquals(List.of(), tracked(MailParts.html(issue) + MailParts.text(issue)));
        assertTrue(stats().contains("clicks: not counted (tracking.clicks is off)"), stats());
        assertTrue(reportPage("newsletter").contains("クリック数は記録していません"));
        assertNotEquals(0, world.received().size());
    }
}
