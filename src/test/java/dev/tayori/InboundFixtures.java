package dev.tayori;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The mail fixtures under src/test/resources/inbound/: real-world bounces, reports and replies with
 * {{RECIPIENT}}, {{VERP}}, {{MESSAGE_ID}} and {{TOKEN}} filled in per test, and {{SELF}} (the
 * message's own Message-ID) unique unless given. The bytes outside the placeholders are kept as they
 * are (ISO-2022-JP bodies stay ISO-2022-JP).
 */
public final class InboundFixtures {
    private InboundFixtures() {
    }

    public static MimeMessage load(String name, Map<String, String> values) {
        try (InputStream in = InboundFixtures.class.getResourceAsStream("/inbound/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            // ISO-8859-1 maps every byte to one char and back: placeholders are ASCII, the rest stays byte for byte
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            text = text.replace("{{SELF}}", values.getOrDefault("SELF", UUID.randomUUID().toString()));
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("{{" + e.getKey() + "}}", e.getValue());
            }
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
