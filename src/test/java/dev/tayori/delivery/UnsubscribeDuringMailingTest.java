package dev.tayori.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.TestWorld.CliResult;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers who unsubscribe while a mailing is going out: their rows are already claimed, yet only the
 * few mails already in a sender's hands may still go, never one the senders reach later.
 */
class UnsubscribeDuringMailingTest {
    private static final int READERS = 400;

    @TempDir
    Path dir;
    TestWorld world;
    ScriptedSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = new ScriptedSmtpServer();
        world = ScriptedMailing.world(dir, smtp);
        ScriptedMailing.readersAndAnnouncement(world, dir, READERS, i -> "reader" + i + "@example.jp");
    }

    @AfterEach
    void stop() throws Exception {
        world.close();
        smtp.close();
    }

    @Test
    void readersWhoUnsubscribeMidMailingGetNothingFromThenOn() {
        AtomicReference<CliResult> unsubscribed = new AtomicReference<>();
        Object serverWide = new Object();
        smtp.answerData(n -> {
            // every connection's reply waits while the unsubscribes are made at the tenth mail: by then
            // all rows are planned and claimed, and the senders hold only their next few
            synchronized (serverWide) {
                if (n == 10) {
                    CliResult a = world.cli("subscribers", "unsubscribe", "reader300@example.jp");
                    CliResult b = world.cli("subscribers", "unsubscribe", "reader399@example.jp");
                    unsubscribed.set(a.exitCode() != 0 ? a : b);
                }
            }
            return ScriptedSmtpServer.DataReply.ACCEPT;
        });
        CliResult run = world.cli("send-due", "--at", "2026-12-01T12:01+09:00");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0, unsubscribed.get().exitCode(), unsubscribed.get().err());
        Set<String> reached = smtp.messageIdsByRecipient().keySet();
        assertFalse(reached.contains("reader300@example.jp"), "unsubscribed mid-mailing, mailed anyway");
        assertFalse(reached.contains("reader399@example.jp"), "unsubscribed mid-mailing, mailed anyway");
        assertEquals(READERS - 2, reached.size());
        assertTrue(run.out().contains("sent " + (READERS - 2)), run.out());
    }
}
