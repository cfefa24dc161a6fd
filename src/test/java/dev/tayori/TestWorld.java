package dev.tayori;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.tayori.cli.Cli;
import dev.tayori.config.Settings;
import dev.tayori.config.SettingsLoader;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real tayori for one test: a SQLite file in a temporary folder (or a PostgreSQL schema, see
 * {@link TestDatabase}), a GreenMail SMTP server on a
 * free port, the repository's own campaigns/ and templates/, and a clock the test controls.
 */
public final class TestWorld implements AutoCloseable {
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public final TestClock clock;
    public final GreenMail smtp;
    public final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private App app;

    public TestWorld(Path dir, Instant now) {
        this.dir = dir;
        this.clock = new TestClock(now);
        this.smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        env.put("TAYORI_DATABASE_URL", TestDatabase.url(dir));
        env.put("TAYORI_SMTP_HOST", "127.0.0.1");
        env.put("TAYORI_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("TAYORI_WEB_BASE_URL", "https://mail.example.jp");
        env.put("TAYORI_SENDER_NAME", "こころの便り編集部");
        env.put("TAYORI_SENDER_EMAIL", "letters@example.jp");
        env.put("TAYORI_SENDER_POSTAL_ADDRESS", "〒150-0001 東京都渋谷区神宮前1-2-3");
        env.put("TAYORI_SENDER_CONTACT", "support@example.jp");
    }

    /** The instant of a local Tokyo time, for readable tests. */
    public static Instant tokyo(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(TOKYO).toInstant();
    }

    /** Where this world's tayori stores: a SQLite file or a PostgreSQL schema (TestDatabase). */
    public String databaseUrl() {
        return env.get("TAYORI_DATABASE_URL");
    }

    public Map<String, String> env() {
        return env;
    }

    public Settings settings() {
        return SettingsLoader.load(null, env, Map.of());
    }

    public App app() {
        if (app == null) {
            app = App.start(settings(), clock);
        }
        return app;
    }

    /** A new App over the same database and files, as after a restart. */
    public App restart() {
        app = null;
        return app();
    }

    public List<MimeMessage> received() {
        return List.of(smtp.getReceivedMessages());
    }

    /** Runs a command line in-process with this world's settings and clock. */
    public CliResult cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, env, clock, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliResult(code, out.toString(), err.toString());
    }

    public record CliResult(int exitCode, String out, String err) {
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        smtp.stop();
    }
}
