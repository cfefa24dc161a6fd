package dev.tayori.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The VERP token and the mailto unsubscribe token: what the inbound mailbox reads back. */
class VerpTest {
    @Test
    void aDeliveryIdGoesIntoTheBounceAddressAndComesBack() {
        for (long id : new long[] {1, 35, 36, 12345, 987654321L, Long.MAX_VALUE}) {
            String address = Verp.address("bounces@example.jp", id);
            assertTrue(address.matches("bounces\\+d[0-9a-z]+@example\\.jp"), address);
            assertEquals(Optional.of(id), Verp.deliveryId(address), address);
            assertEquals(Optional.of(id), Verp.deliveryId("<" + address.toUpperCase() + ">"), "case and brackets");
        }
        assertEquals("bounces+d9ix" + Verp.token(12345).substring(4) + "@example.jp", Verp.address("bounces@example.jp", 12345));
    }

    @Test
    void aMadeUpOrMangledTokenNamesNoDelivery() {
        String token = Verp.token(12345);
        String changed = token.substring(0, 2) + (token.charAt(2) == 'x' ? 'y' : 'x') + token.substring(3);
        assertEquals(Optional.empty(), Verp.deliveryId("bounces+" + changed + "@example.jp"));
        assertEquals(Optional.empty(), Verp.deliveryId("bounces@example.jp"));
        assertEquals(Optional.empty(), Verp.deliveryId("bounces+hello@example.jp"));
        assertEquals(Optional.empty(), Verp.deliveryId("bounces+d@example.jp"));
        assertEquals(Optional.empty(), Verp.deliveryId(null));
        // of the 36² check values one is right: a random token passes about once in 1,296 tries
        int passed = 0;
        for (int i = 0; i < 36 * 36; i++) {
            String guess = "d9ix" + Long.toString(i / 36, 36) + Long.toString(i % 36, 36);
            passed += Verp.deliveryId("bounces+" + guess + "@example.jp").isPresent() ? 1 : 0;
        }
        assertEquals(1, passed);
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
