package dev.tayori.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundSettingsTest {
    private static final String PASSWORD = "mailbox-password-never-shown";

    private static Settings load(Map<String, String> env) {
        return SettingsLoader.load(null, env, Map.of());
    }

    @Test
    void theMailboxIsOffUntilAHostIsSetWithTheIssuesDefaults() {
        InboundSettings in = load(Map.of()).inbound();
        assertFalse(in.configured());
        assertEquals("INBOX", in.folder());
        assertEquals("tayori-processed", in.processedFolder());
        assertEquals(5, in.pollMinutes());
        assertEquals(3, in.softLimit());
        assertEquals(InboundSettings.Protocol.IMAPS, in.protocol());
    }

    @Test
    void theMailboxPasswordIsASecretNeverPrinted() {
        Settings s = load(Map.of("TAYORI_INBOUND_HOST", "imap.example.jp", "TAYORI_INBOUND_PASSWORD", PASSWORD));
        assertTrue(Secrets.isSecret("inbound.password"));
        assertFalse(s.toString().contains(PASSWORD), s.toString());
        SettingsException e = assertThrows(SettingsException.class, () -> load(Map.of("TAYORI_INBOUND_PASSWORD", PASSWORD,
                "TAYORI_INBOUND_PROTOCOL", "smtp")));
        assertTrue(e.getMessage().startsWith("setting inbound.protocol = 'smtp'") && e.getMessage().contains("imap, imaps, pop3 or pop3s"),
                e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    @Test
    void badMailboxSettingsNameTheirKey() {
        assertTrue(assertThrows(SettingsException.class, () -> load(Map.of("TAYORI_INBOUND_SUBSCRIBE_ADDRESS", "touroku")))
                .getMessage().startsWith("setting inbound.subscribe-address"));
        assertTrue(assertThrows(SettingsException.class, () -> load(Map.of("TAYORI_INBOUND_PROCESSED_FOLDER", "INBOX")))
                .getMessage().startsWith("setting inbound.processed-folder"));
        assertTrue(assertThrows(SettingsException.class, () -> load(Map.of("TAYORI_BOUNCE_SOFT_LIMIT", "0")))
                .getMessage().startsWith("setting bounce.soft-limit"));
        assertTrue(assertThrows(SettingsException.class, () -> load(Map.of("TAYORI_INBOUND_POLL_MINUTES", "often")))
                .getMessage().startsWith("setting inbound.poll-minutes"));
    }
}
