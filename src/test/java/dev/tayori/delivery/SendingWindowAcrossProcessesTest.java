package dev.tayori.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.TestWorld.CliResult;
import dev.tayori.config.Formats;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * smtp.window holds for every process on the database and across restarts: each `send-due` here is
 * its own App (its own database pool and throttle, as a separate process would be), all on one
 * SQLite file, sending to GreenMail, which counts what arrived. The window counts on the real clock,
 * so this test waits out a real 20-second window.
 */
class SendingWindowAcrossProcessesTest {
    private static final Pattern WAITING = Pattern.compile(
            "waiting: the sending window \\(smtp.window\\) is full until ((?:\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2}); "
                    + "(\\d+) mail\\(s\\) wait for the next run");

    @TempDir
    Path dir;
    TestWorld world;
    String sendAt;

    @BeforeEach
    void start() throws Exception {
        // the operator's clock is today's: the window's instants and the rows it holds back are real time
        world = new TestWorld(dir, Instant.now().truncatedTo(ChronoUnit.MINUTES));
        world.env().put("TAYORI_ARTICLES_DIR", Files.createDirectories(dir.resolve("no-articles")).toString());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Imports {@code readers} readers and schedules the course announcement to all of them for an hour from now. */
    private void readersAndAnnouncement(int readers) throws Exception {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 1; i <= readers; i++) {
            csv.append("reader").append(i).append("@example.jp,\n");
        }
        Files.writeString(dir.resolve("readers.csv"), csv);
        assertEquals(0, world.cli("subscribers", "import", dir.resolve("readers.csv").toString(), "--consent-source",
                "test list").exitCode());
        Instant slot = world.clock.instant().plus(Duration.ofHours(1));
        assertEquals(0, world.cli("campaigns", "schedule", "course-early-booking", "--at", slot.toString()).exitCode());
        sendAt = slot.plus(Duration.ofMinutes(1)).toString();
    }

    /** The announcement's mails a run sent, by its own report (a run that sent none of them does not name it). */
    private static int sentIn(CliResult run) {
        Matcher m = Pattern.compile("course-early-booking: planned \\d+, sent (\\d+)").matcher(run.out());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The instant the window's first (MIN) or last (MAX) slot counts its mail at. */
    private Instant slotTakenAt(String which) {
        return Instant.ofEpochMilli(world.app().jdbi().withHandle(h -> h.createQuery(
                "SELECT " + which + "(taken_at) FROM send_slots WHERE limit_name = 'window'").mapTo(Long.class).one()));
    }

    private void assertEachReaderGotOneMail(int readers) throws Exception {
        Map<String, Integer> byReader = new HashMap<>();
        for (MimeMessage m : world.received()) {
            byReader.merge(m.getRecipients(Message.RecipientType.TO)[0].toString(), 1, Integer::sum);
        }
        assertEquals(readers, byReader.size(), byReader.toString());
        byReader.forEach((reader, n) -> assertEquals(1, n, reader));
    }

    @Test
    void threeRunsWithinSecondsSendFiveInAllAndTheRestGoOnceTheWindowHasPassed() throws Exception {
        world.env().put("TAYORI_SMTP_WINDOW", "5/20s");
        readersAndAnnouncement(8);
        long began = System.nanoTime();
        List<CliResult> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(world.cli("send-due", "--at", sendAt));
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - began).compareTo(Duration.ofSeconds(18)) < 0,
                "the three runs fell within one window");
        assertEquals(5, world.received().size(), "five in 20 seconds, however many processes send");
        assertEquals(List.of(5, 0, 0), runs.stream().map(SendingWindowAcrossProcessesTest::sentIn).toList());
        // each run says until when (the first of the five slots frees), in the operator's time zone and
        // not as a UTC instant, and how many mails wait: all three, whichever run holds them
        String free = Formats.clock(slotTakenAt("MIN").plus(Duration.ofSeconds(20)), TestWorld.TOKYO,
                world.clock.instant());
        for (CliResult run : runs) {
            assertEquals(0, run.exitCode(), run.err());
            Matcher m = WAITING.matcher(run.out());
            assertTrue(m.find(), run.out());
            assertEquals(free, m.group(1), run.out());
            assertEquals("3", m.group(2), run.out());
        }

        // a new process within the window (a restart) still finds it full
        assertEquals(0, sentIn(world.cli("send-due", "--at", sendAt)));
        assertEquals(5, world.received().size());

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), slotTakenAt("MAX").plusSeconds(20)).toMillis() + 200));
        CliResult after = world.cli("send-due", "--at", sendAt);
        assertEquals(3, sentIn(after), after.out());
        assertTrue(!after.out().contains("waiting:"), after.out());
        assertEachReaderGotOneMail(8);
    }

    @Test
    void twoProcessesSendingAtTheSameTimeShareOneWindow() throws Exception {
        world.env().put("TAYORI_SMTP_WINDOW", "30/1h");
        // small claims, so that both processes hold rows of the mailing at once
        world.env().put("TAYORI_DELIVERY_BATCH_SIZE", "4");
        readersAndAnnouncement(60);
        assertEquals(0, world.cli("send-due", "--at", sendAt, "--plan-only").exitCode());
        ExecutorService processes = Executors.newFixedThreadPool(2);
        try {
            List<Future<CliResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(processes.submit(() -> world.cli("send-due", "--at", sendAt)));
            }
            int sent = 0;
            for (Future<CliResult> run : runs) {
                CliResult r = run.get();
                assertEquals(0, r.exitCode(), r.err());
                sent += sentIn(r);
            }
            assertEquals(30, sent);
        } finally {
            processes.shutdownNow();
        }
        assertEquals(30, world.received().size(), "never more than the window between them");
        int planned = world.app().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM deliveries WHERE state = 'planned'").mapTo(Integer.class).one());
        assertEquals(30, planned, "the other 30 wait, planned, for the window");
    }
}
