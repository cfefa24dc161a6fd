package dev.tayori.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.db.TestPostgres;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two `serve` processes on one PostgreSQL database share one Quartz schedule: both check in to it,
 * the workbook's first lesson reaches every reader exactly once though both nodes send, and when
 * one node is killed with SIGKILL the other goes on planning and sending alone. PostgreSQL only
 * (a cluster needs a database server), so it runs in the SQLite test run too, against the test
 * server, and is left out of the PostgreSQL run.
 */
class ClusterOnPostgresTest {
    @TempDir
    Path dir;
    TestWorld world;
    dev.tayori.cli.SlowRelay relay;
    final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process p : nodes) {
            p.destroyForcibly().waitFor();
        }
        world.close();
        relay.close();
    }

    @Test
    void twoNodesShareTheScheduleEachReaderGetsOneMailAndTheSurvivorCarriesOnAfterAKill() throws Exception {
        world = new TestWorld(dir, Instant.now());
        String url = TestPostgres.server().newSchemaUrl();
        world.env().put("TAYORI_DATABASE_URL", url);
        world.env().put("TAYORI_ARTICLES_DIR", Files.createDirectories(dir.resolve("no-articles")).toString());
        world.env().put("TAYORI_SCHEDULE_TICK_SECONDS", "2");
        world.env().put("TAYORI_DELIVERY_LEASE_SECONDS", "5");
        // a server that answers each command 20 ms late: a mailing lasts long enough for both nodes' ticks
        relay = new dev.tayori.cli.SlowRelay(world.smtp.getSmtp().getPort(), java.time.Duration.ofMillis(20));
        world.env().put("TAYORI_SMTP_PORT", String.valueOf(relay.port()));
        importReaders(1, 300);

        Process a = serve("node-a");
        Process b = serve("node-b");
        waitForMails(300);
        assertEachReaderGotOneMail(300);
        assertEquals(Set.of("node-a", "node-b"), checkedIn(url), "both nodes are in the one schedule");
        Map<String, Integer> sentBy = sentByNode(url);
        assertEquals(Set.of("node-a", "node-b"), sentBy.keySet(), "one mailing spread over both nodes: " + sentBy);
        assertEquals(300, sentBy.values().stream().mapToInt(Integer::intValue).sum());

        a.destroyForcibly().waitFor(); // SIGKILL: node-a leaves nothing behind but its rows
        importReaders(301, 350);
        waitForMails(350);
        assertEachReaderGotOneMail(350);
        assertTrue(b.isAlive(), "node-b is still up");
    }

    private void importReaders(int from, int to) throws Exception {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = from; i <= to; i++) {
            csv.append("r").append(i).append("@example.jp,\n");
        }
        Path file = dir.resolve("readers-" + from + ".csv");
        Files.writeString(file, csv);
        TestWorld.CliResult r = world.cli("subscribers", "import", file.toString(), "--consent-source", "test list", "--start-workbook");
        assertEquals(0, r.exitCode(), r.err());
    }

    private Process serve(String name) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.tayori.Main", "serve");
        pb.environment().putAll(world.env());
        pb.environment().put("TAYORI_NODE_NAME", name);
        pb.environment().put("TAYORI_WEB_PORT", String.valueOf(port));
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        pb.directory(new File(System.getProperty("user.dir")));
        Process p = pb.start();
        nodes.add(p);
        return p;
    }

    private void waitForMails(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (world.smtp.getReceivedMessages().length < count && System.nanoTime() < deadline) {
            for (Process p : nodes) {
                assertTrue(p.isAlive() || p.exitValue() == 137, "a node stopped: " + logs());
            }
            Thread.sleep(200);
        }
        assertTrue(world.smtp.getReceivedMessages().length >= count,
                world.smtp.getReceivedMessages().length + " of " + count + " mails arrived: " + logs());
        Thread.sleep(3000); // a mail sent twice would arrive now
    }

    private void assertEachReaderGotOneMail(int readers) throws Exception {
        Map<String, Integer> perReader = new TreeMap<>();
        for (MimeMessage m : world.smtp.getReceivedMessages()) {
            for (Address to : m.getAllRecipients()) {
                perReader.merge(to.toString(), 1, Integer::sum);
            }
        }
        assertEquals(readers, perReader.size(), "readers reached");
        perReader.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), perReader, "readers with more than one mail");
    }

    private static Set<String> checkedIn(String url) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("SELECT instance_name FROM qrtz_scheduler_state")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Map<String, Integer> sentByNode(String url) throws Exception {
        Map<String, Integer> sent = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(
                "SELECT node_name, COUNT(*) FROM deliveries WHERE state = 'sent' GROUP BY node_name")) {
            while (rs.next()) {
                sent.put(rs.getString(1), rs.getInt(2));
            }
        }
        return sent;
    }

    private String logs() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("node-a", "node-b")) {
            Path log = dir.resolve(name + ".log");
            if (Files.exists(log)) {
                String text = Files.readString(log);
                all.append("\n--- ").append(name).append(" ---\n").append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
            }
        }
        return all.toString();
    }
}
