package dev.tayori.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheEmbeddedOnes() {
        Settings s = SettingsLoader.load(null, Map.of(), Map.of());
        assertEquals("jdbc:sqlite:data/tayori.db", s.databaseUrl());
        assertEquals(8080, s.webPort());
        assertEquals("http://localhost:8080", s.baseUrl());
        assertEquals(ZoneId.of("Asia/Tokyo"), s.timezone());
        assertEquals(Path.of("campaigns"), s.campaignsDir());
    }

    @Test
    void theFileSetsValuesAndEnvironmentVariablesOverrideIt() throws Exception {
        Path file = dir.resolve("tayori.yaml");
        Files.writeString(file, """
                smtp:
                  host: mail.example.jp
                  port: 587
                sender:
                  postal-address: 東京都渋谷区
                web.base-url: https://letters.example.jp/
                """);
        Settings s = SettingsLoader.load(file, Map.of("TAYORI_SMTP_PORT", "2525", "TAYORI_WEB_PORT", "9090",
                "TAYORI_DATABASE_URL", "jdbc:sqlite:/tmp/x.db"), Map.of());
        assertEquals("mail.example.jp", s.smtp().host());
        assertEquals(2525, s.smtp().port());
        assertEquals(9090, s.webPort());
        assertEquals("https://letters.example.jp", s.baseUrl());
        assertEquals("東京都渋谷区", s.sender().postalAddress());
        assertEquals("jdbc:sqlite:/tmp/x.db", s.databaseUrl());
    }

    @Test
    void aBadValueIsReportedWithItsKeyAndWhereItCameFrom() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(null, Map.of("TAYORI_SMTP_PORT", "twenty-five"), Map.of()));
        assertTrue(e.getMessage().contains("smtp.port"), e.getMessage());
        assertTrue(e.getMessage().contains("TAYORI_SMTP_PORT"), e.getMessage());
    }

    @Test
    void anUnknownKeyInTheFileIsReportedWithItsLineAndTheLikelyIntendedKey() throws Exception {
        Path file = dir.resolve("tayori.yaml");
        Files.writeString(file, "smtp:\n  host: x\n  prot: 25\n");
        SettingsException e = assertThrows(SettingsException.class, () -> SettingsLoader.load(file, Map.of(), Map.of()));
        assertTrue(e.getMessage().startsWith(file + ":3: unknown setting 'smtp.prot'"), e.getMessage());
        assertTrue(e.getMessage().contains("smtp.port"), e.getMessage());
    }

    @Test
    void aTimeZoneThatDoesNotExistIsRefused() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(null, Map.of("TAYORI_TIMEZONE", "Asia/Tokio"), Map.of()));
        assertTrue(e.getMessage().contains("timezone"), e.getMessage());
    }
}
