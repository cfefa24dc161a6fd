package dev.tayori.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tayori serve` as a process of its own, told to stop with SIGTERM (what systemd, docker stop and
 * Kubernetes send) in the middle of a mailing to a slow SMTP server: the mails on the wire finish and
 * are recorded, what it had claimed and not sent is planned again, its node row says it stopped, and
 * it exits 0. A second run sends the rest, and GreenMail counts every reader once.
 */
class ServeStopsCleanlyTest {
    private static final int READERS = 200;

    @TempDir
    Path dir;
    TestWorld world;
    SlowRelay slow;
    Process serve;
    Path log;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        // the child runs on the wall clock: the readers confirmed ten minutes ago, the course announcement
        // due a minute ago, so the child's first run of due work plans and sends it
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        world = new TestWorld(dir, now.minus(Duration.ofMinutes(10)));
        world.env().put("TAYORI_ARTICLES_DIR", Files.createDirectories(dir.resolve("no-articles")).toString());
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 1; i <= READERS; i++) {
            csv.append("r").append(i).append("@example.jp,\n");
        }
        Files.writeString(dir.resolve("readers.csv"), csv);
        assertEquals(0, world.cli("subscribers", "import", dir.resolve("readers.csv").toString(),
                "--consent-source", "test list").exitCode());
        assertEquals(0, world.cli("campaigns", "schedule", "course-early-booking", "--at",
                now.minus(Duration.ofMinutes(1)).toString()).exitCode());
        // every answer of the SMTP server a tenth of a second late: about 10 mails a second per connection
        slow = new SlowRelay(world.smtp.getSmtp().getPort(), Duration.ofMillis(100));
    }

    @AfterEach
    void stop() throws Exception {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly().waitFor();
        }
        slow.close();
        world.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** `java ... dev.tayori.Main serve` with this world's settings, as node web1, sending through the slow relay. */
    private Process serve(int webPort) throws Exception {
        return tayori(webPort, "serve");
    }

    private Process tayori(int webPort, String command) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.tayori.Main", command);
        Map<String, String> env = new HashMap<>(world.env());
        env.put("TAYORI_SMTP_PORT", String.valueOf(slow.port()));
        env.put("TAYORI_WEB_PORT", String.valueOf(webPort));
        env.put("TAYORI_NODE_NAME", "web1");
        env.put("TAYORI_ADMIN_PASSWORD", "correct horse battery staple");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        log = dir.resolve(command + ".log");
        pb.redirectOutput(log.toFile());
        pb.directory(new File(System.getProperty("user.dir")));
        return pb.start();
    }

    private String log() throws Exception {
        return Files.readString(log);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int received() {
        return world.smtp.getReceivedMessages().length;
    }

    private static Map<String, Integer> byState(Handle h) {
        Map<String, Integer> counts = new HashMap<>();
        h.createQuery("SELECT state, COUNT(*) AS n FROM deliveries WHERE campaign_id = 'course-early-booking'"
                + " GROUP BY state").map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Test
    void sigtermMidMailingFinishesTheMailsOnTheWireHandsTheRestBackAndExitsZero() throws Exception {
        int webPort = freePort();
        serve = serve(webPort);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        HttpResponse<String> health = null;
        while (System.nanoTime() < deadline && serve.isAlive()) {
            try {
                health = get(webPort, "/healthz");
                break;
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        assertNotNull(health, "serve answers /healthz: " + log());
        assertEquals(200, health.statusCode());
        assertEquals("ok\n", health.body());
        HttpResponse<String> ready = get(webPort, "/readyz");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals("ready\n", ready.body());
        assertTrue(ready.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals("nosniff", ready.headers().firstValue("X-Content-Type-Options").orElse(""));

        while (received() < 30 && serve.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        int before = received();
        assertTrue(before >= 30 && before < READERS, "mid-mailing when stopped: " + before + " sent\n" + log());
        serve.destroy(); // SIGTERM
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve ends after SIGTERM\n" + log());
        assertEquals(0, serve.exitValue(), log());
        assertTrue(log().contains("tayori stopped (node web1"), log());

        int firstRun = received();
        assertTrue(firstRun < READERS, "stopped before the end of the mailing: " + firstRun);
        world.clock.set(Instant.now());
        world.app().jdbi().useHandle(h -> {
            Map<String, Integer> states = byState(h);
            assertEquals(null, states.get("sending"), "no row left claimed: " + states);
            assertEquals(firstRun, states.getOrDefault("sent", 0),
                    "every mail the server took is recorded as sent (those on the wire finished): " + states);
            assertEquals(READERS - firstRun, states.getOrDefault("planned", 0), "the rest planned again: " + states);
            assertEquals(0, h.createQuery("SELECT COUNT(*) FROM deliveries WHERE lease_owner IS NOT NULL")
                    .mapTo(Integer.class).one());
            assertEquals(List.of("web1"), h.createQuery("SELECT DISTINCT node_name FROM deliveries WHERE state = 'sent'")
                    .mapTo(String.class).list());
            Map<String, Object> node = h.createQuery("SELECT * FROM nodes WHERE name = 'web1'").mapToMap().one();
            assertEquals("serve", node.get("command"));
            assertNotNull(node.get("stopped_at"), "the node row says it stopped: " + node);
        });
        String status = world.cli("status").out();
        assertTrue(status.contains("stopped cleanly: 1") && status.contains("  web1  serve  started "), status);

        // the second run, another node straight to the SMTP server, sends the rest and nothing twice
        world.env().put("TAYORI_NODE_NAME", "web2");
        TestWorld.CliResult second = world.cli("send-due");
        assertEquals(0, second.exitCode(), second.out() + second.err());
        MimeMessage[] all = world.smtp.getReceivedMessages();
        assertEquals(READERS, all.length, "every reader once, no duplicates");
        java.util.Set<String> readers = new java.util.HashSet<>();
        for (MimeMessage m : all) {
            readers.add(MailParts.to(m));
        }
        assertEquals(READERS, readers.size(), "each reader reached once");
        String stats = world.cli("campaigns", "stats", "course-early-booking").out();
        assertTrue(stats.contains("sent by node: web1 " + firstRun + ", web2 " + (READERS - firstRun)), stats);
    }

    @Test
    void sendDueToldToStopMidMailingHandsTheRestBackAndSaysSo() throws Exception {
        serve = tayori(freePort(), "send-due");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (received() < 30 && serve.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(received() >= 30 && received() < READERS, "mid-mailing when stopped: " + received() + "\n" + log());
        serve.destroy(); // SIGTERM
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "send-due ends after SIGTERM\n" + log());
        assertEquals(0, serve.exitValue(), log());
        int sent = received();
        assertTrue(log().matches("(?s).*stopped for shutdown: \\d+ mail\\(s\\) claimed but not sent were handed back.*"),
                log());
        world.app().jdbi().useHandle(h -> {
            Map<String, Integer> states = byState(h);
            assertEquals(null, states.get("sending"), "no row left claimed: " + states);
            assertEquals(sent, states.getOrDefault("sent", 0), states.toString());
            assertEquals(READERS - sent, states.getOrDefault("planned", 0), states.toString());
            assertNotNull(h.createQuery("SELECT stopped_at FROM nodes WHERE name = 'web1'").mapTo(Long.class).one());
        });
    }
}
