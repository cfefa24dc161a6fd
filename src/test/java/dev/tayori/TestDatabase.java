package dev.tayori;

import dev.tayori.db.TestPostgres;
import java.nio.file.Path;

/**
 * The database a test's tayori stores in: a SQLite file in the test's folder, or, in the test run
 * for PostgreSQL (`-Dtayori.test.database=postgresql`, surefire's second execution), a fresh schema
 * on a real PostgreSQL server. Storage tests take their URL from here and so run on both.
 */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static String url(Path dir) {
        return TestPostgres.selected() ? TestPostgres.server().newSchemaUrl() : "jdbc:sqlite:" + dir.resolve("tayori.db");
    }

    public static boolean postgresql() {
        return TestPostgres.selected();
    }
}
