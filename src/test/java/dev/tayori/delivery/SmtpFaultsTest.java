package dev.tayori.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.TestWorld.CliResult;
import dev.tayori.delivery.ScriptedSmtpServer.DataReply;
import dev.tayori.subscriber.SubscriberStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An announcement to 20 readers against an SMTP server that misbehaves in scripted ways. */
class SmtpFaultsTest {
    static final int READERS = 20;

    @TempDir
    Path dir;
    TestWorld world;
    ScriptedSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = new ScriptedSmtpServer();
        world = ScriptedMailing.world(dir, smtp);
        ScriptedMailing.readersAndAnnouncement(world, dir, READERS,
                i -> "reader" + i + (i % 7 == 0 ? "-gone" : "") + "@example.jp");
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
        smtp.close();
    }

    private CliResult sendDueAt(String instant) {
        return world.cli("send-due", "--at", instant);
    }

    private void assertEveryReaderGotExactlyOneMail(int readers) {
        Map<String, Set<String>> ids = smtp.messageIdsByRecipient();
        assertEquals(readers, ids.size(), "every reader got the mail: " + ids.keySet());
        ids.forEach((rcpt, messageIds) -> assertEquals(1, messageIds.size(), rcpt + " got " + messageIds));
    }

    @Test
    void aServerAnswering451ForAWhileThenAcceptingGetsEverythingOnce() {
        smtp.answerData(n -> n <= 3 ? DataReply.TEMPORARY_451 : DataReply.ACCEPT);
        CliResult first = sendDueAt("2026-12-01T12:01+09:00");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("will retry 3"), first.out());
        assertEquals(READERS - 3, smtp.accepted().size());
        sendDueAt("2026-12-01T12:01:30+09:00");
        assertEquals(READERS - 3, smtp.accepted().size(), "not before the backoff");
        sendDueAt("2026-12-01T12:05+09:00");
        assertEquals(READERS, smtp.accepted().size(), "each accepted once, none twice");
        assertEveryReaderGotExactlyOneMail(READERS);
    }

    @Test
    void a421AndAHangUpMidStreamReconnectsAndLosesNothing() {
        smtp.answerData(n -> n == 5 || n == 12 ? DataReply.CLOSE_421 : DataReply.ACCEPT);
        CliResult run = sendDueAt("2026-12-01T12:01+09:00");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("sent " + READERS), run.out());
        assertEquals(READERS, smtp.accepted().size());
        assertEveryReaderGotExactlyOneMail(READERS);
        assertTrue(smtp.connectionsOpened() > 1, "it reconnected");
    }

    @Test
    void aLineDroppedAfterTheDataIsRetriedWithTheSameMessageId() {
        smtp.answerData(n -> n == 7 ? DataReply.ACCEPT_THEN_DROP : n == 9 ? DataReply.DROP_WITHOUT_ACCEPT : DataReply.ACCEPT);
        sendDueAt("2026-12-01T12:01+09:00");
        // the seventh mail reached the server twice: the same Message-ID both times, so it is one mail
        assertEquals(READERS + 1, smtp.accepted().size());
        assertEveryReaderGotExactlyOneMail(READERS);
    }

    @Test
    void recipientsRefusedWith550AreBouncedAndTheRestDelivered() {
        smtp.rejectRecipients(r -> r.contains("-gone@"));
        CliResult run = sendDueAt("2026-12-01T12:01+09:00");
        assertTrue(run.out().contains("sent 18, failed 2"), run.out());
        assertEquals(18, smtp.messageIdsByRecipient().size());
        var app = world.app();
        assertEquals(SubscriberStatus.BOUNCED, app.subscribers().byEmail("reader7-gone@example.jp").status());
        assertEquals(SubscriberStatus.BOUNCED, app.subscribers().byEmail("reader14-gone@example.jp").status());
        assertEquals(SubscriberStatus.CONFIRMED, app.subscribers().byEmail("reader8@example.jp").status());
        assertTrue(world.cli("subscribers", "show", "reader7-gone@example.jp").out().contains("550"));
    }

    @Test
    void aFullSendingWindowStopsTheRunAndSaysUntilWhen() {
        world.env().put("TAYORI_SMTP_WINDOW", "5/1h");
        CliResult run = sendDueAt("2026-12-01T12:01+09:00");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("waiting: the sending window (smtp.window) is full until"), run.out());
        assertEquals(5, smtp.accepted().size());
        int waiting = world.app().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM deliveries WHERE state = 'planned'").mapTo(Integer.class).one());
        assertEquals(READERS - 5, waiting, "the rest wait, planned, for the window");
        assertTrue(run.out().contains("wait for the next run"), run.out());
    }
}
