package dev.tayori.mail;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers a reader's client acts on: the Date it shows, and unsubscribe buttons that must lead somewhere. */
class MailHeadersTest {
    @TempDir
    Path dir;
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void theDateHeaderIsInTheSendersTimeZone() throws Exception {
        assertEquals(0, world.cli("subscribers", "add", "hanako@example.jp").exitCode());
        MimeMessage confirmation = world.received().get(0);
        assertEquals("Mon, 23 Nov 2026 10:00:00 +0900", MailParts.header(confirmation, "Date"));
        assertEquals(tokyo(2026, 11, 23, 10, 0), confirmation.getSentDate().toInstant());
    }

    @Test
    void anotherTimezoneSettingGivesItsOffset() {
        world.env().put("TAYORI_TIMEZONE", "America/New_York");
        assertEquals(0, world.cli("subscribers", "add", "hanako@example.jp").exitCode());
        assertTrue(MailParts.header(world.received().get(0), "Date").endsWith(" -0500"),
                MailParts.header(world.received().get(0), "Date"));
    }

    @Test
    void aTestCopyCarriesNoUnsubscribeHeaderThatPointsNowhere() {
        TestWorld.CliResult sent = world.cli("campaigns", "test-send", "workbook", "--to", "editor@example.jp");
        assertEquals(0, sent.exitCode(), sent.err());
        MimeMessage copy = world.received().get(0);
        assertTrue(MailParts.subject(copy).startsWith("[テスト]"));
        assertNull(MailParts.header(copy, "List-Unsubscribe"));
        assertNull(MailParts.header(copy, "List-Unsubscribe-Post"));
    }
}
