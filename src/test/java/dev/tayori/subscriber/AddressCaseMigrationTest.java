package dev.tayori.subscriber;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading to addresses that ignore case (migration V008) on a database that already holds
 * Jiro@Example.JP and jiro@example.jp as two rows: the upgrade succeeds, merges nothing, and tayori
 * says so until the operator has decided.
 */
class AddressCaseMigrationTest {
    @TempDir
    Path dir;

    @Test
    void collidingRowsAreKeptRecordedAndReportedAndNewSignUpsFindOne() throws Exception {
        try (TestWorld world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0))) {
            String url = world.databaseUrl();
            Flyway.configure().dataSource(url, null, null)
                    .locations(dev.tayori.db.Dialect.of(url).migrationLocations()).target("7").load().migrate();
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO subscribers (email, email_key, name, status, time_zone, unsubscribe_token, created_at)"
                        + " VALUES ('Jiro@Example.JP', 'Jiro@example.jp', '', 'confirmed', 'Asia/Tokyo', 't1', 1),"
                        + " ('jiro@example.jp', 'jiro@example.jp', '', 'confirmed', 'Asia/Tokyo', 't2', 2),"
                        + " ('Hanako@Example.JP', 'Hanako@example.jp', '', 'confirmed', 'Asia/Tokyo', 't3', 3),"
                        + " ('SABURO@example.jp', 'SABURO@example.jp', '', 'pending', 'Asia/Tokyo', 't4', 4),"
                        + " ('Saburo@example.jp', 'Saburo@example.jp', '', 'unsubscribed', 'Asia/Tokyo', 't5', 5)");
            }
            Subscribers subscribers = world.app().subscribers();
            assertEquals(5, subscribers.page(0, 10).size(), "nothing merged, nothing lost");
            assertEquals(2, subscribers.byEmail("JIRO@example.jp").id(), "the row that already had the key is found");
            assertEquals(3, subscribers.byEmail("hanako@example.jp").id(), "a lone row gets the new key");
            assertEquals(4, subscribers.byEmail("saburo@example.jp").id(), "else the oldest of the pair");
            assertEquals("Jiro@Example.JP", subscribers.byId(1).orElseThrow().email(), "the reader's spelling is kept");
            assertEquals(2, subscribers.duplicates().size());

            TestWorld.CliResult listed = world.cli("subscribers", "duplicates");
            assertEquals(0, listed.exitCode(), listed.err());
            assertTrue(listed.out().contains("#1 Jiro@Example.JP (confirmed) and #2 jiro@example.jp (confirmed): one reader, both may get mail"),
                    listed.out());
            assertTrue(listed.out().contains("#4 SABURO@example.jp (pending) and #5 Saburo@example.jp (unsubscribed): one of them no longer gets mail"),
                    listed.out());
            TestWorld.CliResult due = world.cli("send-due");
            assertTrue(due.err().contains("WARN: 1 reader(s) are recorded twice"), due.err());

            world.app().subscribers().unsubscribe(subscribers.byId(1).orElseThrow(), "test");
            assertFalse(world.cli("send-due").err().contains("WARN"), "once one of them gets no mail, no warning");
        }
    }

    @Test
    void aDatabaseWithoutCollisionsHasNothingToReport() {
        try (TestWorld world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0))) {
            assertEquals(0, world.cli("subscribers", "add", "Jiro@Example.JP").exitCode());
            TestWorld.CliResult listed = world.cli("subscribers", "duplicates");
            assertEquals("no two subscribers share an address", listed.out().strip());
            assertFalse(world.cli("send-due").err().contains("WARN"));
        }
    }
}
