package dev.tayori.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens the database, brings its schema up to date and hands out a configured Jdbi.
 *
 * <p>Instants are stored as epoch milliseconds (BIGINT): portable between SQLite and PostgreSQL,
 * sortable, and free of the time-zone surprises of TIMESTAMP columns in SQLite.
 */
public final class Database {
    private static final int POOL_SIZE = 12;
    /** The version of the newest file in db/migration (DatabaseTest checks that they agree). */
    static final String NEWEST_MIGRATION = "017";
    private final Jdbi jdbi;

    private Database(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static Database open(String url) {
        DataSource dataSource = dataSource(url);
        if (!hasNewestMigration(dataSource)) {
            try {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                        .loggers("slf4j").load().migrate();
            } catch (FlywayException e) {
                throw new DatabaseException(dev.tayori.config.Secrets.maskUrl("cannot prepare the database at " + url + ": " + rootMessage(e)), e);
            }
        }
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        // Segment queries bind every segment parameter and use the ones their condition needs.
        jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.registerArgument(new InstantArgumentFactory());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        return new Database(jdbi);
    }

    /**
     * Whether the schema already has every migration this build ships. Flyway scans the jar and reads
     * every migration to check it, about a second at each start of every command, so it runs only
     * when there is something to apply (or the history says a migration failed).
     */
    private static boolean hasNewestMigration(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(SqlFile.of(Database.class, "newestMigrationApplied"))) {
            s.setString(1, NEWEST_MIGRATION);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (java.sql.SQLException e) {
            return false; // a new database: no history table yet
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    private static DataSource dataSource(String url) {
        if (!url.startsWith("jdbc:sqlite:")) {
            throw new DatabaseException("database.url " + dev.tayori.config.Secrets.maskUrl(url) + " is not supported yet: use jdbc:sqlite:FILE");
        }
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        Path path = Path.of(query < 0 ? file : file.substring(0, query));
        if (path.getParent() != null) {
            try {
                Files.createDirectories(path.getParent());
            } catch (IOException e) {
                throw new DatabaseException("cannot create the folder for the database " + path + ": " + e.getMessage(), e);
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets the web server read while the scheduler writes; the busy timeout makes a writer wait
        // for the other instead of failing with SQLITE_BUSY.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(30_000);
        // 32 MB of page cache per connection (SQLite's default is 2 MB): planning among a million
        // enrollments touches index pages that would otherwise be read again for every batch.
        config.setCacheSize(-32_000);
        config.enforceForeignKeys(true);
        // Write transactions take the write lock when they begin. A deferred transaction that reads
        // first and writes later fails with SQLITE_BUSY_SNAPSHOT when another connection wrote in
        // between, and the busy timeout cannot help it; an immediate one simply waits its turn.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(url);
        // Every DAO call borrows a connection. Opening a SQLite connection (file, WAL, pragmas) costs far
        // more than a one-row update, so a handful are kept open: one per sender thread, the claimer,
        // the web server. Connections are shared, never held across a mailing.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("tayori-db");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(60_000);
        return new HikariDataSource(pool);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
        InstantArgumentFactory() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
        }
    }
}
