package dev.tayori.mail;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where what comes back goes, as GreenMail received it: the envelope sender (its Return-Path), with
 * VERP naming the delivery; Reply-To; and List-Unsubscribe's mailto: carrying the reader's token.
 */
class ReturnAddressesTest {
    @TempDir
    Path dir;
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private MimeMessage lesson() {
        assertEquals(0, world.cli("subscribers", "add", "taro@example.jp", "--confirmed", "--consent-source", "sheet")
                .exitCode());
        assertEquals(0, world.cli("send-due").exitCode());
        return world.received().get(world.received().size() - 1);
    }

    private static String returnPath(MimeMessage m) {
        return MailParts.header(m, "Return-Path").replaceAll("[<>\\s]", "");
    }

    private long deliveryIdOf(MimeMessage m) throws Exception {
        return world.app().jdbi().withHandle(h -> h.createQuery("SELECT id FROM deliveries WHERE message_id = :m")
                .bind("m", m.getMessageID()).mapTo(Long.class).one());
    }

    @Test
    void withoutABounceAddressBouncesGoToTheSenderAsBefore() {
        assertEquals("letters@example.jp", returnPath(lesson()));
    }

    @Test
    void theEnvelopeSenderIsTheBounceAddress() {
        world.env().put("TAYORI_BOUNCE_ADDRESS", "bounces@example.jp");
        MimeMessage lesson = lesson();
        assertEquals("bounces@example.jp", returnPath(lesson));
        assertEquals("letters@example.jp", MailParts.header(lesson, "From").replaceAll(".*<|>.*", ""));
    }

    @Test
    void withVerpEachMailsEnvelopeSenderNamesItsDelivery() throws Exception {
        world.env().put("TAYORI_BOUNCE_ADDRESS", "bounces@example.jp");
        world.env().put("TAYORI_BOUNCE_VERP", "true");
        assertEquals(0, world.cli("subscribers", "add", "hanako@example.jp").exitCode());
        MimeMessage confirmation = world.received().get(0);
        MimeMessage lesson = lesson();
        for (MimeMessage m : new MimeMessage[] {confirmation, lesson}) {
            String envelope = returnPath(m);
            assertTrue(envelope.matches("bounces\\+d[0-9a-z]+@example\\.jp"), envelope);
            assertEquals(Optional.of(deliveryIdOf(m)), world.app().verp().deliveryId(envelope), envelope);
        }
        assertTrue(!returnPath(confirmation).equals(returnPath(lesson)));
    }

    @Test
    void aTestCopyHasNoDeliveryAndBouncesToThePlainBounceAddress() {
        world.env().put("TAYORI_BOUNCE_ADDRESS", "bounces@example.jp");
        world.env().put("TAYORI_BOUNCE_VERP", "true");
        assertEquals(0, world.cli("campaigns", "test-send", "workbook", "--to", "editor@example.jp").exitCode());
        assertEquals("bounces@example.jp", returnPath(world.received().get(0)));
    }

    @Test
    void repliesGoToTheContactAddressOrToSenderReplyTo() {
        assertEquals("support@example.jp", MailParts.header(lesson(), "Reply-To"));
        world.env().put("TAYORI_SENDER_REPLY_TO", "otayori@example.jp");
        world.restart();
        assertEquals(0, world.cli("subscribers", "add", "hanako@example.jp").exitCode());
        assertEquals("otayori@example.jp", MailParts.header(world.received().get(1), "Reply-To"));
    }

    @Test
    void aContactThatIsAWebPageGivesNoReplyTo() {
        world.env().put("TAYORI_SENDER_CONTACT", "https://kokoro.example.jp/contact/");
        assertNull(MailParts.header(lesson(), "Reply-To"));
    }

    @Test
    void listUnsubscribeOffersAMailtoWithTheReadersTokenWhenAnAddressIsSet() throws Exception {
        assertEquals(1, MailParts.header(lesson(), "List-Unsubscribe").split(",").length, "https only by default");
        world.env().put("TAYORI_INBOUND_UNSUBSCRIBE_ADDRESS", "unsubscribe@example.jp");
        world.restart();
        world.clock.set(tokyo(2026, 11, 24, 7, 1));
        assertEquals(0, world.cli("send-due").exitCode());
        MimeMessage second = world.received().get(world.received().size() - 1);
        String token = world.app().subscribers().byEmail("taro@example.jp").unsubscribeToken();
        String header = MailParts.header(second, "List-Unsubscribe").replaceAll("\\s+", "");
        // the https link names its mail (subscriber/UnsubscribeLinks); the mailto: carries the reader's token only
        assertTrue(header.matches(java.util.regex.Pattern.quote("<https://mail.example.jp/unsubscribe/" + token)
                + "\\?mail=[0-9]+\\.[A-Za-z0-9_-]{16}" + java.util.regex.Pattern.quote(">,<mailto:unsubscribe+" + token
                + "@example.jp?subject=unsubscribe%20" + token + ">")), header);
        assertEquals("List-Unsubscribe=One-Click", MailParts.header(second, "List-Unsubscribe-Post"));
        assertEquals(Optional.of(token), MailtoUnsubscribe.token("unsubscribe+" + token + "@example.jp", "unsubscribe " + token));
    }
}
