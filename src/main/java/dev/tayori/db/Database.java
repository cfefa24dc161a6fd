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
import dev.tayori.config.DatabaseSettings;
import dev.tayori.config.Secrets;

/**
 * Opens the database, brings its schema up to date and hands out a configured Jdbi.
 *
 * <p>Instants are stored as epoch milliseconds (BIGINT): portable between SQLite and PostgreSQL,
 * sortable, and free of the time-zone surprises of TIMESTAMP columns in SQLite.
 */
public final class Database implements AutoCloseable {
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final DataSource dataSource;

    private Database(Jdbi jdbi, Dialect dialect, DataSource dataSource) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    /** A database whose URL carries all it needs (a SQLite file; PostgreSQL with ?user=...). */
    public static Database open(String url) {
        return open(DatabaseSettings.sqlite(url));
    }

    public static Database open(DatabaseSettings settings) {
        Dialect dialect = Dialect.of(settings.url());
        DataSource dataSource = dialect == Dialect.SQLITE ? sqlite(settings) : postgresql(settings);
        if (!hasNewestMigration(dataSource, dialect)) {
            try {
                Flyway.configure().dataSource(dataSource).locations(dialect.migrationLocations())
                        .loggers("slf4j").load().migrate();
            } catch (FlywayException e) {
                throw new DatabaseException(Secrets.maskUrl("cannot prepare the database at " + settings.url() + ": "
                        + rootMessage(e)), e);
            }
        }
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        // Segment queries bind every segment parameter and use the ones their condition needs.
        jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.registerArgument(new InstantArgumentFactory());
        // claims of rows several nodes compete for (deliveries, send slots) lock what they take and pass
        // over what another node holds; SQLite, one writer at a time, needs no such clause
        jdbi.define("skipLocked", dialect == Dialect.POSTGRESQL ? "FOR UPDATE SKIP LOCKED" : "");
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        return new Database(jdbi, dialect, dataSource);
    }

    /**
     * Whether the schema already has every migration this build ships. Flyway scans the jar and reads
     * every migration to check it, about a second at each start of every command, so it runs only
     * when there is something to apply (or the history says a migration failed).
     */
    private static boolean hasNewestMigration(DataSource dataSource, Dialect dialect) {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement(SqlFile.of(Database.class, "newestMigrationApplied"))) {
            s.setString(1, dialect.newestMigration());
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

    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The pool itself, for Quartz's JDBC job store, which takes connections rather than a Jdbi. */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A PostgreSQL server: connections are cheap to keep and the server serialises writers row by
     * row, so the pool is simply as large as the operator allows (database.pool-size). The first
     * connection is tried at once, so a wrong host or password is one line at start.
     */
    private static DataSource postgresql(DatabaseSettings settings) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.url());
        if (!settings.username().isEmpty()) {
            pool.setUsername(settings.username());
        }
        if (!settings.password().isEmpty()) {
            pool.setPassword(settings.password());
        }
        pool.setPoolName("tayori-db");
        pool.setMaximumPoolSize(settings.poolSize());
        // idle connections go back to the server after a minute: other nodes share its max_connections
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(60_000);
        pool.setConnectionTimeout(30_000);
        pool.setInitializationFailTimeout(5_000);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new DatabaseException(Secrets.maskUrl("cannot reach the database at " + settings.url() + ": "
                    + rootMessage(e)), e);
        }
    }

    private static DataSource sqlite(DatabaseSettings settings) {
        String url = settings.url();
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
        pool.setMaximumPoolSize(settings.poolSize());
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
