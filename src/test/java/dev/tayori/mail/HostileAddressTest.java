package dev.tayori.mail;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import dev.tayori.config.Sender;
import dev.tayori.mail.InvalidAddressException.Reason;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Addresses as strangers, careless operators and Japanese phones produce them, through EmailAddress
 * (the one place every way in parses an address) and through `tayori subscribers add`, which must
 * refuse with exit 2, a line that says what to fix, and nothing recorded or sent.
 */
class HostileAddressTest {
    @TempDir
    static Path dir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
        world.app();
        assertEquals(0, world.cli("subscribers", "add", "already@example.jp").exitCode());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("x@example.jp\r\nBcc: victim@example.com", Reason.CONTROL_CHARACTER, "control"),
                Arguments.of("x@example.jp\nBcc: victim@example.com", Reason.CONTROL_CHARACTER, "line break"),
                Arguments.of("hana\u0000ko@example.jp", Reason.CONTROL_CHARACTER, "U+0000"),
                Arguments.of("hanako@exam\tple.jp", Reason.CONTROL_CHARACTER, "U+0009"),
                Arguments.of("hanako\u0085@example.jp", Reason.CONTROL_CHARACTER, "U+0085"),
                Arguments.of("hanako\u202E@example.jp", Reason.CONTROL_CHARACTER, "U+202E"),
                Arguments.of("hana\u200Bko@example.jp", Reason.CONTROL_CHARACTER, "U+200B"),
                Arguments.of("<hanako@example.jp>", Reason.SYMBOL, "symbol"),
                Arguments.of("Hanako <hanako@example.jp>", Reason.SPACE, "space"),
                Arguments.of("hana　ko@example.jp", Reason.SPACE, "space"),
                Arguments.of("\"x@evil.example\"@example.jp", Reason.SYMBOL, "symbol"),
                Arguments.of("\"a\\\"b\"@example.jp", Reason.SYMBOL, "symbol"),
                Arguments.of("\"evil>, <x\"@example.jp", Reason.SYMBOL, "symbol"),
                Arguments.of("a@b@example.jp", Reason.MORE_THAN_ONE_AT, "more than one @"),
                Arguments.of("hanako.example.jp", Reason.NO_AT, "no @"),
                Arguments.of("@example.jp", Reason.NOTHING_BEFORE_AT, "before the @"),
                Arguments.of("hanako@", Reason.NO_DOMAIN, "domain name is missing"),
                Arguments.of("hanako@example.jp.", Reason.DOMAIN, "not a valid domain"),
                Arguments.of("hanako@example", Reason.DOMAIN, "not a valid domain"),
                Arguments.of("hanako@[192.0.2.1]", Reason.DOMAIN, "not a valid domain"),
                Arguments.of("hanako@exa_mple.jp", Reason.DOMAIN, "not a valid domain"),
                Arguments.of("はなこ@example.jp", Reason.NOT_HALF_WIDTH, "half-width"),
                Arguments.of("hanako@例え.jp", Reason.NOT_HALF_WIDTH, "xn--"),
                Arguments.of("a".repeat(65) + "@example.jp", Reason.LOCAL_PART_TOO_LONG, "64"),
                Arguments.of("a".repeat(60) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".jp",
                        Reason.TOO_LONG, "254"),
                Arguments.of("taro..yamada.@example.jp", Reason.DOTS, "dot"),
                Arguments.of("taro..yamada.@softbank.ne.jp", Reason.DOTS, "dot"),
                Arguments.of("taro..yamada.@docomo.ne.jp.evil.example", Reason.DOTS, "dot"),
                Arguments.of("　", Reason.EMPTY, "empty"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void aBadAddressIsRefusedSayingWhatToFixAndTheCommandWritesNothing(String input, Reason reason, String words) {
        InvalidAddressException e = assertThrows(InvalidAddressException.class, () -> EmailAddress.parse(input));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n") || e.getMessage().contains("\u0000")
                || e.getMessage().contains("\u202E"), "the message never echoes what breaks a line or a terminal");
        Snapshot before = Snapshot.of(world);
        TestWorld.CliResult result = world.cli("subscribers", "add", input, "--name", "はなこ");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().startsWith("error: ") && result.err().contains(words), result.err());
        assertEquals(before, Snapshot.of(world), "nothing recorded, nothing sent");
    }

    static Stream<Arguments> typedByJapaneseReaders() {
        return Stream.of(
                Arguments.of("ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ", "hanako@example.jp"),
                Arguments.of("　hanako@example.jp　", "hanako@example.jp"),
                Arguments.of("ｔａｒｏ１２３＠example.jp", "taro123@example.jp"),
                Arguments.of("Ｈａｎａｋｏ.Ｙａｍａｄａ@Example.JP", "Hanako.Yamada@Example.JP"),
                Arguments.of("\"hanako\"@example.jp", "hanako@example.jp"),
                Arguments.of("hanako@xn--r8jz45g.jp", "hanako@xn--r8jz45g.jp"));
    }

    @ParameterizedTest
    @MethodSource("typedByJapaneseReaders")
    void fullWidthInputIsMadeHalfWidthBeforeItIsChecked(String typed, String stored) {
        assertEquals(stored, EmailAddress.parse(typed).address());
    }

    static Stream<Arguments> carrierAddresses() {
        return Stream.of(
                Arguments.of("taro..yamada.@docomo.ne.jp", "\"taro..yamada.\"@docomo.ne.jp"),
                Arguments.of(".hanako@ezweb.ne.jp", "\".hanako\"@ezweb.ne.jp"),
                Arguments.of("hanako..@au.com", "\"hanako..\"@au.com"),
                Arguments.of("hana...ko@i.softbank.jp", "\"hana...ko\"@i.softbank.jp"),
                Arguments.of("\"taro..yamada.\"@DoCoMo.ne.jp", "\"taro..yamada.\"@DoCoMo.ne.jp"));
    }

    @ParameterizedTest
    @MethodSource("carrierAddresses")
    void aCarriersLegacyAddressIsAcceptedAndGoesQuotedInRcptToAndTo(String typed, String onTheWire) throws Exception {
        EmailAddress address = EmailAddress.parse(typed);
        assertEquals(onTheWire, address.mailbox());
        MessageBuilder.Wire wire = new MessageBuilder(Clock.systemUTC()).wire(new OutgoingMail(
                new Sender("便り", "letters@example.jp", "東京都", "support@example.jp"), address.address(), "たろう",
                "件名", "<p>x</p>", "x", "<m@example.jp>", null, null));
        assertEquals(onTheWire, wire.to(), "RCPT TO");
        InternetAddress to = (InternetAddress) new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(wire.bytes())).getAllRecipients()[0];
        assertEquals(onTheWire, to.getAddress());
        assertEquals("たろう", to.getPersonal());
    }

    @Test
    void aCarriersLegacyAddressSignsUpAndItsConfirmationReachesTheQuotedMailbox() {
        int before = world.received().size();
        TestWorld.CliResult result = world.cli("subscribers", "add", "ｊｉｒｏ..ｙａｍａｄａ.＠docomo.ne.jp");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("jiro..yamada.@docomo.ne.jp", world.app().subscribers().byEmail("jiro..yamada.@docomo.ne.jp").email(),
                "stored half-width, as typed otherwise");
        assertEquals(before + 1, world.received().size());
        assertEquals("\"jiro..yamada.\"@docomo.ne.jp", MailParts.to(world.received().get(before)));
    }

    @Test
    void addressesAreOneReaderWhateverTheirCaseAndKeepTheReadersSpelling() {
        assertEquals(EmailAddress.parse("Jiro@Example.JP").key(), EmailAddress.parse("jiro@example.jp").key());
        assertEquals(EmailAddress.parse("\"taro..yamada.\"@docomo.ne.jp").key(), EmailAddress.parse("Taro..Yamada.@docomo.ne.jp").key());
        assertEquals(0, world.cli("subscribers", "add", "Saburo@Example.JP").exitCode());
        Snapshot before = Snapshot.of(world);
        TestWorld.CliResult again = world.cli("subscribers", "add", "saburo@example.jp");
        assertEquals(1, again.exitCode(), again.err());
        assertTrue(again.err().contains("already a subscriber"), again.err());
        assertEquals(before, Snapshot.of(world), "one reader, one row");
        assertEquals("Saburo@Example.JP", world.app().subscribers().byEmail("SABURO@example.jp").email());
    }
}
