package dev.tayori.inbound;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tayori.Snapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POP3 has no folders: handled messages stay in the mailbox and are remembered by their Message-ID. */
class Pop3InboxTest {
    @TempDir
    Path dir;
    InboxWorld in;

    @BeforeEach
    void start() {
        in = new InboxWorld(dir, tokyo(2026, 11, 23, 10, 0), ServerSetupTest.SMTP_POP3_IMAP, "pop3");
    }

    @AfterEach
    void stop() {
        in.close();
    }

    @Test
    void aBounceReadOverPop3IsActedOnOnceAndLeftInTheMailbox() throws Exception {
        in.reader("hanako@example.com");
        in.world.cli("send-due");
        in.deliver("postfix-dsn-hard.eml", in.about("hanako@example.com", in.sent("hanako@example.com").get(0)));
        String first = in.check().out();
        assertTrue(first.contains("bounced hanako@example.com") && first.contains("kept in the mailbox (POP3)"), first);
        assertEquals("bounced", in.status("hanako@example.com"));
        Snapshot after = Snapshot.of(in.world);

        String second = in.check().out();
        assertTrue(second.contains("already handled: bounced hanako@example.com"), second);
        assertEquals(after, Snapshot.of(in.world));
        assertEquals(1, in.count("INBOX"), "never deleted");
    }
}
