package dev.tayori.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a database brings its schema up to date once; later opens find nothing to do and skip Flyway. */
class DatabaseTest {
    @TempDir
    Path dir;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Dialect.class)
    void theNewestMigrationNamedInCodeIsTheNewestFileShippedForEachDatabase(Dialect dialect) throws Exception {
        String newest = Stream.of("db/migration", dialect.folder())
                .flatMap(folder -> {
                    try {
                        return Files.list(Path.of("src/main/resources", folder)).toList().stream();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .map(p -> p.getFileName().toString())
                .filter(n -> n.matches("V\\d+__.*\\.sql"))
                .map(n -> n.substring(1, n.indexOf("__")))
                .max(java.util.Comparator.comparingInt(Integer::parseInt))
                .orElseThrow();
        assertEquals(newest, dialect.newestMigration(), "bump the newest migration in Dialect with each new migration");
    }

    @Test
    void aMigrationIsEitherSharedOrWrittenForEachDatabase() throws Exception {
        java.util.Set<String> sqlite = names("db/sqlite");
        java.util.Set<String> postgresql = names("db/postgresql");
        for (String shared : names("db/migration")) {
            assertFalse(sqlite.contains(shared) || postgresql.contains(shared), shared + " is both shared and per database");
        }
        postgresql.removeIf(n -> n.contains("quartz"));
        assertEquals(sqlite, postgresql, "a migration written per database exists for both");
    }

    private static java.util.Set<String> names(String folder) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", folder))) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    @Test
    void aNewDatabaseGetsEveryMigrationAndReopensWithItsDataIntact() {
        String url = dev.tayori.TestDatabase.url(dir);
        Database.open(url).jdbi().useHandle(h -> h.execute(
                "INSERT INTO campaign_state (campaign_id, first_seen_at) VALUES ('workbook', 1)"));
        Database again = Database.open(url);
        int kept = again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM campaign_state").mapTo(Integer.class).one());
        assertEquals(1, kept);
        assertEquals(Dialect.of(url).newestMigration(), again.jdbi().withHandle(h -> h.createQuery(
                "SELECT MAX(version) FROM flyway_schema_history WHERE success").mapTo(String.class).one()));
    }
}
