package dev.tayori.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tayori as separate processes on one database: killed with SIGKILL at random moments of a mailing
 * and restarted, or two started at once. Every reader gets the mail exactly once, counted at the
 * server by (Message-ID, recipient): a mail the server took just before the kill is sent again after
 * the lease expires, under the same Message-ID, which is the stated policy for uncertain sends.
 * Leases run on the wall clock, so the test keeps them short (2 seconds) and waits them out.
 */
class CrashRecoveryTest {
    private static final int LEASE_SECONDS = 2;
    @TempDir
    Path dir;
    TestWorld world;
    ScriptedSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = new ScriptedSmtpServer();
        world = ScriptedMailing.world(dir, smtp);
        world.env().put("TAYORI_DELIVERY_LEASE_SECONDS", String.valueOf(LEASE_SECONDS));
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
        smtp.close();
    }

    private void readersAndAnnouncement(int readers) throws Exception {
        ScriptedMailing.readersAndAnnouncement(world, dir, readers, i -> "r" + i + "@example.jp");
    }

    /** `java ... dev.tayori.Main send-due --at INSTANT` as a process of its own, with this world's settings. */
    private Process sendDue(String at) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.tayori.Main", "send-due", "--at", at);
        pb.environment().putAll(world.env());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("process-" + System.nanoTime() + ".log").toFile());
        pb.directory(new File(System.getProperty("user.dir")));
        return pb.start();
    }

    /** What the processes printed, for a failure's message. */
    private String logs() throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path log : files.filter(p -> p.getFileName().toString().startsWith("process-")).sorted().toList()) {
                all.append("\n--- ").append(log.getFileName()).append(" ---\n").append(java.nio.file.Files.readString(log));
            }
        }
        return all.toString();
    }

    private void assertEveryReaderGotExactlyOneMail(int readers) {
        Map<String, Set<String>> ids = smtp.messageIdsByRecipient();
        assertEquals(readers, ids.size(), "readers reached");
        List<String> twice = new ArrayList<>();
        ids.forEach((rcpt, messageIds) -> {
            if (messageIds.size() != 1) {
                twice.add(rcpt + "=" + messageIds);
            }
        });
        assertEquals(List.of(), twice, "readers with two different mails");
    }

    @Test
    void killedAtRandomMomentsOfATenThousandMailingAndRestartedEveryReaderGetsItOnce() throws Exception {
        int readers = 10_000;
        readersAndAnnouncement(readers);
        Random random = new Random(20261201);
        int kills = 0;
        // each run is for a later minute of the mailing's day; what the killed one held is free again once
        // its lease has run out on the wall clock
        for (int minute = 1; minute <= 5; minute++) {
            Process p = sendDue(String.format("2026-12-01T12:%02d+09:00", minute));
            int before = smtp.accepted().size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // let it send a random share of what is left, then kill -9
            int target = before + 300 + random.nextInt(1500);
            while (smtp.accepted().size() < target && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no clean-up
                kills++;
                Thread.sleep(LEASE_SECONDS * 1000L + 500);
            }
        }
        Process last = sendDue("2026-12-01T12:30+09:00");
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the last run finishes");
        assertEquals(0, last.exitValue());
        assertTrue(kills >= 3, "killed " + kills + " times mid-mailing");
        assertEveryReaderGotExactlyOneMail(readers);
        System.out.println("kill -9 test: " + kills + " kills, " + smtp.accepted().size() + " messages accepted for "
                + readers + " readers (the difference: uncertain sends repeated with the same Message-ID)");
    }

    @Test
    void twoSendDueProcessesStartedTogetherSendEachReaderOneMail() throws Exception {
        int readers = 2_000;
        readersAndAnnouncement(readers);
        // plan first, so both processes compete for the same rows from the start
        world.env().put("TAYORI_SMTP_WINDOW", "");
        Process a = sendDue("2026-12-01T12:01+09:00");
        Process b = sendDue("2026-12-01T12:01+09:00");
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), logs());
        assertEquals(0, b.exitValue(), logs());
        assertEquals(readers, smtp.accepted().size(), "no row sent by both");
        assertEveryReaderGotExactlyOneMail(readers);
    }
}
