package dev.tayori.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Settings a careless operator writes: every refusal names the key and where the value came from,
 * and no secret (password, token, a URL's password) is ever printed back.
 */
class HostileSettingsTest {
    private static final String SECRET = "Zq9-s3cret-Vx7";

    @TempDir
    Path dir;

    static Stream<Arguments> secretsThatAreWrong() {
        return Stream.of(
                Arguments.of("api.token", SECRET, "24 characters"),
                Arguments.of("admin.password", SECRET.substring(0, 8), "12 characters"),
                Arguments.of("database.url", "postgresql://u:" + SECRET + "@db.example.jp/tayori", "jdbc:sqlite:FILE"),
                Arguments.of("database.url", "jdbc:mysql://db.example.jp/tayori?user=u&password=" + SECRET, "jdbc:sqlite:FILE"),
                Arguments.of("database.url", "jdbc:sqlserver://db.example.jp;user=u;password=" + SECRET, "jdbc:sqlite:FILE"),
                // a PostgreSQL URL is taken; the server that is not there is the database's refusal (exit 1)
                Arguments.of("database.url", "jdbc:postgresql://127.0.0.1:1/tayori?user=u&password=" + SECRET, "cannot reach"),
                Arguments.of("database.password", SECRET, "cannot reach"),
                // Before: PostgreSQL's driver took u:PASSWORD@127.0.0.1 for the host and said so, in clear
                Arguments.of("database.url", "jdbc:postgresql://u:" + SECRET + "@127.0.0.1:1/tayori", "cannot reach"),
                // Before: only a parameter named exactly password was masked; the driver reads these too
                Arguments.of("database.url", "jdbc:postgresql://127.0.0.1:1/tayori?user=u&sslpassword=" + SECRET, "cannot reach"),
                Arguments.of("database.url", "jdbc:postgresql://127.0.0.1:1/tayori?user=u&pass%77ord=" + SECRET, "cannot reach"),
                Arguments.of("database.url", "jdbc:postgresql://127.0.0.1:1/tayori?user=u&PassWord=" + SECRET, "cannot reach"));
    }

    /** Through the command line, as the operator meets it: one line, exit 2, nothing written or mailed. */
    @ParameterizedTest
    @MethodSource("secretsThatAreWrong")
    void aWrongSecretIsRefusedWithoutPrintingIt(String key, String value, String why) throws Exception {
        try (TestWorld world = new TestWorld(dir, Instant.parse("2026-11-23T00:00:00Z"))) {
            world.app();
            String url = world.databaseUrl();
            Snapshot before = Snapshot.of(world);
            world.env().put(SettingKeys.environmentName(key), value);
            if (key.equals("database.password")) {
                world.env().put("TAYORI_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/tayori");
                world.env().put("TAYORI_DATABASE_USERNAME", "tayori");
            }
            TestWorld.CliResult r = world.cli("subscribers", "list");
            assertEquals(why.equals("cannot reach") ? 1 : 2, r.exitCode(), r.err());
            assertTrue(r.err().contains(key) || r.err().contains("database"), r.err());
            assertTrue(r.err().contains(why), r.err());
            assertFalse(r.err().contains(SECRET) || r.out().contains(SECRET), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals(before, Snapshot.of(url, world.received().size()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.token", "admin.password"})
    void aSecretFromTheFileIsNamedWithItsLineButNotShown(String key) throws Exception {
        Path file = dir.resolve("tayori.yaml");
        String[] parts = key.split("\\.");
        Files.writeString(file, "# settings\n" + parts[0] + ":\n  " + parts[1] + ": short-" + SECRET.substring(0, 3) + "\n");
        SettingsException e = assertThrows(SettingsException.class, () -> SettingsLoader.load(file, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(file + ":3"), e.getMessage());
        assertFalse(e.getMessage().contains("short-"), e.getMessage());
    }

    @Test
    void aSecretFromTheEnvironmentNamesTheVariable() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(null, Map.of("TAYORI_API_TOKEN", SECRET), Map.of()));
        assertTrue(e.getMessage().contains("environment variable TAYORI_API_TOKEN"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aSecretFromAFlagSaysCommandLine() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(null, Map.of(), Map.of("admin.password", "tooshort")));
        assertTrue(e.getMessage().contains("admin.password") && e.getMessage().contains("command line"), e.getMessage());
        assertFalse(e.getMessage().contains("tooshort"), e.getMessage());
    }

    @Test
    void settingsPrintedForALogShowNoSecret() {
        Settings s = SettingsLoader.load(null, Map.of("TAYORI_API_TOKEN", SECRET + SECRET, "TAYORI_ADMIN_PASSWORD",
                "admin-" + SECRET, "TAYORI_SMTP_PASSWORD", "smtp-" + SECRET, "TAYORI_DATABASE_URL",
                "jdbc:sqlite:/tmp/x.db?password=" + SECRET), Map.of());
        String printed = s.toString();
        assertFalse(printed.contains(SECRET), printed);
        assertTrue(printed.contains("smtp.example") || printed.contains("SmtpSettings["), printed);
        assertTrue(printed.contains("(hidden)"), printed);
    }

    static Stream<Arguments> urlsWithPasswords() {
        return Stream.of(
                Arguments.of("jdbc:postgresql://u:" + SECRET + "@h/db", "jdbc:postgresql://u:***@h/db"),
                Arguments.of("jdbc:postgresql://h/db?user=u&password=" + SECRET + "&ssl=true",
                        "jdbc:postgresql://h/db?user=u&password=***&ssl=true"),
                Arguments.of("jdbc:sqlserver://h;user=u;password=" + SECRET, "jdbc:sqlserver://h;user=u;password=***"),
                Arguments.of("https://blog.example.jp/feed?token=" + SECRET, "https://blog.example.jp/feed?token=***"),
                Arguments.of("cannot connect to jdbc:mysql://root:" + SECRET + "@10.0.0.1:3306/x: refused",
                        "cannot connect to jdbc:mysql://root:***@10.0.0.1:3306/x: refused"),
                Arguments.of("jdbc:sqlite:data/tayori.db", "jdbc:sqlite:data/tayori.db"),
                Arguments.of("jdbc:postgresql://u:" + SECRET + "@h/db: unknown host u:" + SECRET + "@h",
                        "jdbc:postgresql://u:***@h/db: unknown host u:***@h"),
                Arguments.of("jdbc:postgresql://h/db?sslpassword=" + SECRET + "&sslmode=require",
                        "jdbc:postgresql://h/db?sslpassword=***&sslmode=require"),
                Arguments.of("jdbc:postgresql://h/db?pass%77ord=" + SECRET, "jdbc:postgresql://h/db?pass%77ord=***"),
                Arguments.of("https://blog.example.jp/feed?access_token=" + SECRET + "&page=2",
                        "https://blog.example.jp/feed?access_token=***&page=2"),
                Arguments.of("https://blog.example.jp/feed?monkey=banana", "https://blog.example.jp/feed?monkey=banana"));
    }

    @ParameterizedTest
    @MethodSource("urlsWithPasswords")
    void passwordsInUrlsAreMasked(String url, String masked) {
        assertEquals(masked, Secrets.maskUrl(url));
    }

    static Stream<Arguments> wrongSettings() {
        return Stream.of(
                Arguments.of("web.base-url", "mail.example.jp", "absolute http"),
                Arguments.of("web.base-url", "ftp://mail.example.jp", "absolute http"),
                Arguments.of("web.base-url", "/letters", "absolute http"),
                Arguments.of("web.base-url", "https://mail.example.jp/?utm_source=x", "query"),
                Arguments.of("web.base-url", "https://mail.example.jp/#top", "fragment"),
                Arguments.of("web.base-url", "https://mail example.jp", "not a valid web address"),
                Arguments.of("sender.email", "letters", "mail address"),
                Arguments.of("sender.email", "letters@@example.jp", "mail address"),
                Arguments.of("sender.email", "letters@example", "mail address"),
                Arguments.of("admin.password", "eleven-char", "12 characters"),
                // a value from the environment with a line break stays one line, the break shown as \n
                Arguments.of("sender.email", "letters@example.jp\r\nBcc: all@example.jp", "'letters@example.jp\\r\\nBcc: all@example.jp'"),
                Arguments.of("web.base-url", "https://mail.example.jp/\nSet-Cookie: x", "not a valid web address"),
                Arguments.of("web.base-url", "https://mail.example.jp:0", "no usable port"),
                Arguments.of("web.base-url", "https://mail.example.jp:/", "no usable port"),
                // Before: "must be an absolute http:// or https:// address", which it was; the host was the problem
                Arguments.of("web.base-url", "https://\uFF4C\uFF45\uFF54\uFF54\uFF45\uFF52\uFF53.example.jp",
                        "has no usable host name after //: write it in half-width letters"),
                Arguments.of("web.base-url", "https://レター.jp", "(a Japanese domain name in its xn-- form)"),
                Arguments.of("web.base-url", "https://mail_letters.example.jp", "has no usable host name"));
    }

    @ParameterizedTest
    @MethodSource("wrongSettings")
    void aWrongSettingNamesKeyOriginAndWhatWouldBeRight(String key, String value, String why) {
        String variable = SettingKeys.environmentName(key);
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsLoader.load(null, Map.of(variable, value), Map.of()));
        assertTrue(e.getMessage().startsWith("setting " + key), e.getMessage());
        assertTrue(e.getMessage().contains("environment variable " + variable), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        if (Secrets.isSecret(key)) {
            assertFalse(e.getMessage().contains(value), e.getMessage());
        }
    }

    @Test
    void theBaseUrlLosesItsTrailingSlashesAndAPasswordOfTwelveIsTaken() {
        Settings s = SettingsLoader.load(null, Map.of("TAYORI_WEB_BASE_URL", "https://example.jp/letters//",
                "TAYORI_ADMIN_PASSWORD", "twelve-chars", "TAYORI_SENDER_EMAIL", "letters@example.jp"), Map.of());
        assertEquals("https://example.jp/letters", s.baseUrl());
        assertEquals("twelve-chars", s.adminPassword());
        assertEquals("letters@example.jp", s.sender().email());
    }
}
