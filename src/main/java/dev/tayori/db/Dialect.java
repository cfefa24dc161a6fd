package dev.tayori.db;

import java.util.Locale;

/**
 * The two databases tayori runs on. They share the migrations in db/migration and every DAO's SQL;
 * a migration lives in db/sqlite and db/postgresql only where one statement must differ (an
 * auto-numbered id: SQLite's INTEGER PRIMARY KEY, PostgreSQL's identity column), and Quartz's
 * cluster tables exist on PostgreSQL only.
 */
public enum Dialect {
    SQLITE("jdbc:sqlite:", "db/sqlite", "017"),
    POSTGRESQL("jdbc:postgresql:", "db/postgresql", "018");

    private final String urlPrefix;
    private final String folder;
    /** The newest version this build ships for the dialect (DatabaseTest checks it against the files). */
    private final String newestMigration;

    Dialect(String urlPrefix, String folder, String newestMigration) {
        this.urlPrefix = urlPrefix;
        this.folder = folder;
        this.newestMigration = newestMigration;
    }

    /** The dialect of a JDBC URL, or an error that says which URLs work. */
    public static Dialect of(String url) {
        for (Dialect d : values()) {
            if (url.toLowerCase(Locale.ROOT).startsWith(d.urlPrefix)) {
                return d;
            }
        }
        throw new IllegalArgumentException("must be jdbc:sqlite:FILE (the default, one machine) or"
                + " jdbc:postgresql://HOST:PORT/DATABASE (one or more nodes)");
    }

    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration", "classpath:" + folder};
    }

    String folder() {
        return folder;
    }

    public String newestMigration() {
        return newestMigration;
    }
}
