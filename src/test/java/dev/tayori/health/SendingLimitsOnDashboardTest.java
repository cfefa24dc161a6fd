package dev.tayori.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.overview.JapaneseTime;
import dev.tayori.web.WebServer;
import dev.tayori.web.admin.AdminAuth;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full sending limit on the dashboard, in Japanese: until when (the operator's time) and how many
 * mails wait, from the database. The mail is sent by `send-due` (its own App); the dashboard is
 * another App's web server, as another node would show it.
 */
class SendingLimitsOnDashboardTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;
    TestWorld world;
    WebServer web;
    String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        // limits count on the real clock: the operator's is today's too
        world = new TestWorld(dir, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        world.env().put("TAYORI_ARTICLES_DIR", Files.createDirectories(dir.resolve("no-articles")).toString());
    }

    @AfterEach
    void stop() {
        if (web != null) {
            web.close();
        }
        world.close();
    }

    /** Readers 1 to n at {@code address.apply(i)}, the announcement to all of them sent (as far as the limits let it). */
    private void sendAnnouncementTo(int n, IntFunction<String> address) throws Exception {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 1; i <= n; i++) {
            csv.append(address.apply(i)).append(",\n");
        }
        Files.writeString(dir.resolve("readers.csv"), csv);
        assertEquals(0, world.cli("subscribers", "import", dir.resolve("readers.csv").toString(), "--consent-source",
                "test list").exitCode());
        Instant slot = world.clock.instant().plus(Duration.ofMinutes(10));
        assertEquals(0, world.cli("campaigns", "schedule", "course-early-booking", "--at", slot.toString()).exitCode());
        world.clock.set(slot);
        assertEquals(0, world.cli("send-due").exitCode());
    }

    private String dashboard() throws Exception {
        if (web == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            base = "http://127.0.0.1:" + port;
            AdminAuth auth = new AdminAuth(world.app().jdbi(), world.clock);
            auth.prepare(PASSWORD);
            web = new WebServer(world.app(), null, auth).start("127.0.0.1", port);
        }
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signIn.statusCode());
        String set = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/admin"))
                .header("Cookie", set.substring(0, set.indexOf(';'))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        return page.body();
    }

    /** When the ring's oldest slot frees, as the dashboard writes it: 「12:04」 today, with the date another day. */
    private String freeAt(String ring, Duration period) {
        Instant free = Instant.ofEpochMilli(world.app().jdbi().withHandle(h -> h.createQuery(
                "SELECT MIN(taken_at) FROM send_slots WHERE limit_name = :ring").bind("ring", ring)
                .mapTo(Long.class).one())).plus(period);
        boolean today = free.atZone(TestWorld.TOKYO).toLocalDate().equals(world.clock.instant().atZone(TestWorld.TOKYO)
                .toLocalDate());
        return today ? DateTimeFormatter.ofPattern("HH:mm").format(free.atZone(TestWorld.TOKYO))
                : JapaneseTime.dateTime(free, TestWorld.TOKYO, world.clock.instant());
    }

    @Test
    void aFullWindowSaysUntilWhenAndHowManyWaitInsteadOfWarningThatMailIsLate() throws Exception {
        world.env().put("TAYORI_SMTP_WINDOW", "5/1h");
        sendAnnouncementTo(8, i -> "reader" + i + "@example.jp");
        assertEquals(5, world.received().size());
        world.clock.advance(Duration.ofMinutes(20)); // past the 15 minutes after which waiting mail is warned about
        String page = dashboard();
        assertTrue(page.contains("送信枠がいっぱいです。" + freeAt("window", Duration.ofHours(1)) + "まで待ちます（残り3通）"), page);
        assertTrue(page.contains("設定の smtp.window（1時間に5通）の上限まで送ったため"), page);
        assertTrue(page.contains("id=\"warning-sending-window\""), page);
        assertFalse(page.contains("送られていません"), "the wait is explained, not reported as a failure: " + page);
    }

    @Test
    void aFullDomainLimitSaysSoForThatDomainWhileTheRestIsSent() throws Exception {
        world.env().put("TAYORI_SMTP_DOMAIN_LIMITS", "docomo.ne.jp=1/1h");
        sendAnnouncementTo(5, i -> i <= 3 ? "reader" + i + "@docomo.ne.jp" : "reader" + i + "@example.jp");
        assertEquals(3, world.received().size(), "one to docomo.ne.jp, both to example.jp");
        String page = dashboard();
        assertTrue(page.contains("docomo.ne.jp 宛ての送信枠がいっぱいです。" + freeAt("domain:docomo.ne.jp", Duration.ofHours(1))
                + "まで待ちます（残り2通）"), page);
        assertTrue(page.contains("smtp.domain-limits（docomo.ne.jp は1時間に1通）"), page);
        assertFalse(page.contains("id=\"warning-sending-window\""), "mail to other domains is not held: " + page);
    }
}
