package dev.tayori.inbound;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mailbox password never crosses the network in clear, nor to a server whose certificate is not trusted. */
class MailboxSecurityTest {
    @TempDir
    Path dir;

    @Test
    void starttlsRequiredAgainstAServerWithoutItIsRefusedBeforeLoggingIn() {
        try (InboxWorld in = InboxWorld.imap(dir, tokyo(2026, 11, 23, 10, 0))) {
            in.world.env().put("TAYORI_INBOUND_STARTTLS", "true");
            in.deliver("reader-reply.eml", Map.of("RECIPIENT", "a@example.com", "MESSAGE_ID", "<a@b>"));
            in.world.app(); // the database exists before, so the snapshot compares tables
            Snapshot before = Snapshot.of(in.world);
            TestWorld.CliResult r = in.check();
            assertEquals(1, r.exitCode());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("STARTTLS"), r.err());
            assertFalse(r.err().contains(InboxWorld.PASSWORD));
            assertEquals(before, Snapshot.of(in.world));
        }
    }

    @Test
    void anImapsServerWithAnUntrustedCertificateIsRefused() {
        try (InboxWorld in = new InboxWorld(dir, tokyo(2026, 11, 23, 10, 0),
                new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAPS}, "imaps")) {
            TestWorld.CliResult r = in.check();
            assertEquals(1, r.exitCode(), r.out());
            assertTrue(r.err().startsWith("error: cannot read the mailbox imaps://bounces@127.0.0.1:"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(r.err().contains(InboxWorld.PASSWORD));
        }
    }
}
