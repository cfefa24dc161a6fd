package dev.tayori.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VERP token and the mailto unsubscribe token: what the inbound mailbox reads back. */
class VerpTest {
    @TempDir
    Path dir;

    private Verp installation(String name) {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve(name + ".db"));
        opened.add(db);
        return Verp.of(db.jdbi(), Clock.systemUTC());
    }

    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    @Test
    void aDeliveryIdGoesIntoTheBounceAddressAndComesBack() {
        Verp verp = installation("a");
        for (long id : new long[] {1, 35, 36, 12345, 987654321L, Long.MAX_VALUE}) {
            String address = verp.address("bounces@example.jp", id);
            assertTrue(address.matches("bounces\\+d[0-9a-z]+@example\\.jp"), address);
            assertTrue(address.length() <= 64 + "@example.jp".length(), "a local part stays under RFC 5321's 64: " + address);
            assertEquals(Optional.of(id), verp.deliveryId(address), address);
            assertEquals(Optional.of(id), verp.deliveryId("<" + address.toUpperCase() + ">"), "case and brackets");
        }
        assertTrue(verp.address("bounces@example.jp", 12345).startsWith("bounces+d9ix"));
        assertEquals(verp.token(12345), installation("a").token(12345), "the key is the database's: every node and restart");
    }

    @Test
    void aMadeUpMangledOrBorrowedTokenNamesNoDelivery() {
        Verp verp = installation("a");
        String token = verp.token(12345);
        String changed = token.substring(0, 2) + (token.charAt(2) == 'x' ? 'y' : 'x') + token.substring(3);
        assertEquals(Optional.empty(), verp.deliveryId("bounces+" + changed + "@example.jp"));
        assertEquals(Optional.empty(), verp.deliveryId("bounces@example.jp"));
        assertEquals(Optional.empty(), verp.deliveryId("bounces+hello@example.jp"));
        assertEquals(Optional.empty(), verp.deliveryId("bounces+d@example.jp"));
        assertEquals(Optional.empty(), verp.deliveryId(null));
        // a reader who has their own token (delivery 12345) cannot make the next one's: ids count up, signatures do not
        String check = token.substring(token.length() - 8);
        assertEquals(Optional.empty(), verp.deliveryId("bounces+d9iy" + check + "@example.jp"));
        assertEquals(Optional.empty(), installation("b").deliveryId("bounces+" + token + "@example.jp"),
                "another installation's token");
        int passed = 0;
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5000; i++) {
            String guess = Long.toString(Math.floorMod(random.nextLong(), 2_821_109_907_456L), 36);
            passed += verp.deliveryId("bounces+d9ix" + "0".repeat(8 - guess.length()) + guess + "@example.jp").isPresent() ? 1 : 0;
        }
        assertEquals(0, passed, "5,000 guessed signatures for one delivery");
    }

    @Test
    void readingATokenBeforeAnyWasMadeKeepsNoKey() {
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("fresh.db"));
        opened.add(db);
        Verp verp = Verp.of(db.jdbi(), Clock.systemUTC());
        assertEquals(Optional.empty(), verp.deliveryId("bounces+d9ix12345678@example.jp"));
        int keys = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM installation_secrets")
                .mapTo(Integer.class).one());
        assertEquals(0, keys, "a forged report leaves the database as it was");
    }

    @Test
    void theUnsubscribeTokenIsReadFromTheSubjectOrElseTheAddress() {
        String token = "Ab3_-xYz0123456789ABCDEFghijklmn";
        String uri = MailtoUnsubscribe.uri("unsubscribe@example.jp", token);
        assertEquals("mailto:unsubscribe+" + token + "@example.jp?subject=unsubscribe%20" + token, uri);
        assertEquals(Optional.of(token), MailtoUnsubscribe.token("unsubscribe+" + token + "@example.jp", "unsubscribe " + token));
        assertEquals(Optional.of(token), MailtoUnsubscribe.token("unsubscribe@example.jp", "Re: Unsubscribe " + token),
                "a reply keeps the subject");
        assertEquals(Optional.of(token), MailtoUnsubscribe.token("unsubscribe+" + token + "@example.jp", "配信停止"),
                "the subject edited away");
        assertEquals(Optional.of(token), MailtoUnsubscribe.token(
                ("unsubscribe+" + token + "@example.jp").toLowerCase(), "unsubscribe " + token), "an address lower-cased");
        assertEquals(Optional.empty(), MailtoUnsubscribe.token("unsubscribe@example.jp", "stop"));
    }
}
