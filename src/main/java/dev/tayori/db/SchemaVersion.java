package dev.tayori.db;

import org.jdbi.v3.core.Jdbi;

/**
 * Whether the database holds every migration this build ships, asked again while a node runs (its
 * readiness): another node of a newer build, or an operator restoring a backup, can change the
 * schema under a running node. The same question {@link Database} asks before it runs Flyway.
 */
public final class SchemaVersion {
    private static final String APPLIED = SqlFile.of(Database.class, "newestMigrationApplied");

    private SchemaVersion() {
    }

    /** The newest migration this build ships for the database, as Flyway records it. */
    public static String expected(Dialect dialect) {
        return dialect.newestMigration();
    }

    /** True when the newest migration is applied and none failed; a failing query is an exception. */
    public static boolean current(Jdbi jdbi, Dialect dialect) {
        return jdbi.withHandle(h -> h.createQuery(APPLIED).bind(0, dialect.newestMigration())
                .mapTo(Integer.class).one()) == 1;
    }
}
