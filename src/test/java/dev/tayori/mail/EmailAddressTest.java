package dev.tayori.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    @ParameterizedTest
    @ValueSource(strings = {"hanako@example.jp", "first.last+news@mail.example.co.jp", "a_b-c@docomo.ne.jp",
            "\"quoted name\"@example.jp"})
    void acceptsAddressesRfc5321Allows(String address) {
        assertEquals(address, EmailAddress.parse(address).address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hanako", "hanako@", "@example.jp", "hanako@example", "hana ko@example.jp",
            "hanako@example..jp", ".hanako@example.jp", "hanako.@example.jp", "hanako@-example.jp",
            "はなこ@example.jp", "hanako@example.jp\r\nBcc: victim@example.com"})
    void refusesWhatIsNotAnAddress(String address) {
        assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(address));
    }

    @Test
    void refusesAddressesOverTheLengthLimits() {
        String longLocal = "a".repeat(65) + "@example.jp";
        assertTrue(assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(longLocal)).getMessage()
                .contains("64"));
        String longAddress = "a".repeat(60) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".jp";
        assertTrue(assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(longAddress)).getMessage()
                .contains("254"));
    }

    @Test
    void theWholeAddressComparesWithoutCaseButKeepsTheReadersSpelling() {
        assertEquals(EmailAddress.parse("Hanako@Example.JP").key(), EmailAddress.parse("hanako@example.jp").key());
        assertEquals("Hanako@Example.JP", EmailAddress.parse("Hanako@Example.JP").address());
        assertNotEquals(EmailAddress.parse("hanako@example.jp").key(), EmailAddress.parse("hanako2@example.jp").key());
    }
}
