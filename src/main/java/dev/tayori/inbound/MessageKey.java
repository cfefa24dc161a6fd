package dev.tayori.inbound;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;

/**
 * The key a message is handled once under: its Message-ID, or, for a message without one (some
 * carriers' bounces), a SHA-256 of its headers in order, which a poll reads the same every time.
 */
final class MessageKey {
    private MessageKey() {
    }

    static String of(MimeMessage message) throws MessagingException {
        String id = message.getMessageID();
        if (id != null && !id.isBlank() && id.length() <= 500) {
            return "id:" + id.trim().replaceAll("[\\p{Cntrl}]", "");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Enumeration<Header> headers = message.getAllHeaders();
            while (headers.hasMoreElements()) {
                Header h = headers.nextElement();
                sha.update((h.getName() + ":" + h.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
