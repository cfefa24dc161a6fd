package dev.tayori.cli;

import dev.tayori.App;
import dev.tayori.config.Settings;
import dev.tayori.config.SettingsLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * What every command shares: the environment, the clock, where to print, and the app, built on
 * first use so that `--help` works without a database or campaign files.
 */
public final class CliContext implements AutoCloseable {
    private final Map<String, String> environment;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> overrides = new HashMap<>();
    private Path configFile;
    private Settings settings;
    private App app;

    public CliContext(Map<String, String> environment, Clock clock, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    void configFile(Path file) {
        this.configFile = file;
    }

    void override(String key, String value) {
        overrides.put(key, value);
    }

    public Settings settings() {
        if (settings == null) {
            settings = SettingsLoader.load(configFile, environment, overrides);
        }
        return settings;
    }

    /** Replaces the loaded settings (the demo swaps in its own database and mail sink). */
    void settings(Settings replacement) {
        this.settings = replacement;
        close();
    }

    /** Lets go of the app's database connections (a PostgreSQL server counts them). */
    @Override
    public void close() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    public App app() {
        if (app == null) {
            app = App.start(settings(), clock);
        }
        return app;
    }

    public Clock clock() {
        return clock;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }
}
