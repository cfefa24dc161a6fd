package dev.tayori.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.config.Sender;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The bytes tayori writes for a mail read back, with Jakarta Mail, as the message it built. */
class MessageBuilderTest {
    private final MessageBuilder builder = new MessageBuilder(Clock.systemUTC());

    private static OutgoingMail mail(String toName) {
        return new OutgoingMail(new Sender("こころの便り編集部 \"東京\"", "letters@example.jp", "東京都", "support@example.jp"),
                "Hanako@example.jp", toName,
                "【3日目】からだの声を聞く 🌱 ゆっくり深呼吸をして、いまの自分に「おつかれさま」と言ってみましょう",
                "<p>本文です。</p>\n<p>.ピリオドで始まる行</p>", "本文です。\n.ピリオドで始まる行\n",
                "<abc.42.step-3.workbook@example.jp>", "<workbook.example.jp>", "https://mail.example.jp/unsubscribe/t0k3n");
    }

    private static MimeMessage read(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    @Test
    void theWrittenMailReadsBackWithEveryHeaderAndBothParts() throws Exception {
        MessageBuilder.Wire wire = builder.wire(mail("山田 花子"));
        MimeMessage m = read(wire.bytes());
        assertEquals("letters@example.jp", wire.from());
        assertEquals("Hanako@example.jp", wire.to());
        assertEquals(mail("").subject(), m.getSubject());
        InternetAddress from = (InternetAddress) m.getFrom()[0];
        assertEquals("letters@example.jp", from.getAddress());
        assertEquals("こころの便り編集部 \"東京\"", from.getPersonal());
        InternetAddress to = (InternetAddress) m.getAllRecipients()[0];
        assertEquals("Hanako@example.jp", to.getAddress());
        assertEquals("山田 花子", to.getPersonal());
        assertEquals("<abc.42.step-3.workbook@example.jp>", m.getMessageID());
        assertEquals("<https://mail.example.jp/unsubscribe/t0k3n>", m.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
        assertEquals("<workbook.example.jp>", m.getHeader("List-Id", null));
        assertTrue(m.getSentDate() != null);
        Multipart alternative = (Multipart) m.getContent();
        assertTrue(alternative.getContentType().startsWith("multipart/alternative"), alternative.getContentType());
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain"));
        assertEquals("本文です。\n.ピリオドで始まる行\n", text.getContent());
        assertTrue(html.isMimeType("text/html"));
        assertEquals("<p>本文です。</p>\n<p>.ピリオドで始まる行</p>", html.getContent());
    }

    @Test
    void everyLineIsAsciiAndAtMost78CharactersEndingInCrlf() {
        byte[] bytes = builder.wire(mail("とても長いお名前のひと".repeat(5))).bytes();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n", -1)) {
            assertTrue(line.length() <= 78, "line too long: " + line);
            assertTrue(line.chars().allMatch(c -> c < 0x80 && c != '\n' && c != '\r'), "not plain ASCII: " + line);
        }
        assertArrayEquals(new byte[] {'-', '-', '\r', '\n'}, java.util.Arrays.copyOfRange(bytes, bytes.length - 4, bytes.length));
    }

    @Test
    void aLongJapaneseNameWithEmojiReadsBackWhole() throws Exception {
        String name = "🌱とても長いお名前の佐藤 花子さん（東京都渋谷区神宮前にお住まいの読者）🌱";
        InternetAddress to = (InternetAddress) read(builder.wire(mail(name)).bytes()).getAllRecipients()[0];
        assertEquals(name, to.getPersonal());
        assertEquals("Hanako@example.jp", to.getAddress());
        InternetAddress ascii = (InternetAddress) read(builder.wire(mail("Sato, \"Hanako\"")).bytes()).getAllRecipients()[0];
        assertEquals("Sato, \"Hanako\"", ascii.getPersonal());
    }

    @Test
    void aReaderWithoutANameGetsTheBareAddress() throws Exception {
        MimeMessage m = read(builder.wire(mail("")).bytes());
        assertEquals("Hanako@example.jp", m.getHeader("To", null));
    }
}
