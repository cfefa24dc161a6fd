package dev.tayori.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, as GreenMail is a real SMTP server: started once per test
 * JVM from Debian's own binaries (the postgresql package, which .ci/run installs) in a temporary
 * folder on a free port, and stopped when the JVM ends. Each test gets a schema of its own, so tests
 * never see each other's rows. With TAYORI_TEST_POSTGRES_URL (a JDBC URL with ?user=...), the tests
 * use that server instead.
 */
public final class TestPostgres {
    private static final String DATABASE = "tayori_test";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static TestPostgres server;

    private final String baseUrl;

    private TestPostgres(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Whether this test JVM runs the storage tests on PostgreSQL (surefire's postgresql execution). */
    public static boolean selected() {
        return "postgresql".equals(System.getProperty("tayori.test.database"));
    }

    public static synchronized TestPostgres server() {
        if (server == null) {
            String given = System.getenv("TAYORI_TEST_POSTGRES_URL");
            server = new TestPostgres(given != null && !given.isBlank() ? given : start());
        }
        return server;
    }

    /** A JDBC URL of a new, empty schema on the test server. */
    public String newSchemaUrl() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on the test PostgreSQL: " + e.getMessage(), e);
        }
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String start() {
        Path bin = binaries();
        try {
            Path home = Files.createTempDirectory("tayori-postgres");
            Path data = home.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                // PostgreSQL refuses to run as root: Debian's package made the postgres user for it
                run(List.of("chown", "postgres", home.toString()), home);
            }
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            run(as(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "tayori",
                    "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")), home);
            // fsync off and no WAL archiving: a test server, thrown away with its folder
            run(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
                    home.resolve("log").toString(), "-o", "-p " + port + " -k " + home
                            + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                            + " -c full_page_writes=off -c max_connections=400", "start")), home);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                            "stop")), home);
                    try (Stream<Path> all = Files.walk(home)) {
                        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (IOException | RuntimeException e) {
                    // the temporary folder is left behind; nothing else depends on it
                }
            }));
            String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
            try (Connection c = DriverManager.getConnection(server + "postgres?user=tayori");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
            return server + DATABASE + "?user=tayori";
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The newest PostgreSQL (15 or later) Debian installed, or a clear failure saying what to install. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+")
                                && Integer.parseInt(v.getFileName().toString()) >= 15
                                && Files.isExecutable(v.resolve("bin/initdb")))
                        .forEach(found::add);
            } catch (IOException e) {
                // reported below
            }
        }
        return found.stream().max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                .map(v -> v.resolve("bin"))
                .orElseThrow(() -> new IllegalStateException("the PostgreSQL tests need PostgreSQL 15 or later:"
                        + " apt-get install postgresql (bash .ci/run does), or set TAYORI_TEST_POSTGRES_URL"));
    }

    private static List<String> as(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command, Path home) throws IOException {
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("setup.log").toFile().exists()
                        ? ProcessBuilder.Redirect.appendTo(home.resolve("setup.log").toFile())
                        : ProcessBuilder.Redirect.to(home.resolve("setup.log").toFile()))
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: "
                        + Files.readString(home.resolve("setup.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
