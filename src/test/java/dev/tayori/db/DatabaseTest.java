package dev.tayori.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a database brings its schema up to date once; later opens find nothing to do and skip Flyway. */
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theNewestMigrationNamedInCodeIsTheNewestFileShipped() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            String newest = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .max(java.util.Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow();
            assertEquals(newest, Database.NEWEST_MIGRATION, "bump Database.NEWEST_MIGRATION with each new migration");
        }
    }

    @Test
    void aNewDatabaseGetsEveryMigrationAndReopensWithItsDataIntact() {
        String url = "jdbc:sqlite:" + dir.resolve("t.db");
        Database.open(url).jdbi().useHandle(h -> h.execute(
                "INSERT INTO campaign_state (campaign_id, first_seen_at) VALUES ('workbook', 1)"));
        Database again = Database.open(url);
        int kept = again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM campaign_state").mapTo(Integer.class).one());
        assertEquals(1, kept);
        assertEquals(Database.NEWEST_MIGRATION, again.jdbi().withHandle(h -> h.createQuery(
                "SELECT MAX(version) FROM flyway_schema_history WHERE success").mapTo(String.class).one()));
    }
}
