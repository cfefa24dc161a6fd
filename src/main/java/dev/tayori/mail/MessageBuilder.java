package dev.tayori.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.nio.charset.StandardCharsets;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;

/**
 * Builds the MIME message: multipart/alternative with the plain-text part first (clients show the
 * last part they understand), UTF-8 throughout, the subject as RFC 2047 encoded-words.
 */
public final class MessageBuilder {
    /** RFC 2045 base64: lines of 76 characters ending in CRLF. */
    private static final java.util.Base64.Encoder BASE64 = java.util.Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});

    private final Session session;
    private final Clock clock;

    public MessageBuilder(Session session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    public MimeMessage build(OutgoingMail mail) {
        try {
            MimeMessage message = new StableIdMessage(session, mail.messageId());
            message.setFrom(new InternetAddress(mail.from().email(), HeaderText.check("sender.name", mail.from().name()), "UTF-8"));
            EmailAddress to = EmailAddress.parse(mail.toAddress());
            String toName = HeaderText.check("the subscriber's name", mail.toName());
            // no name: the bare address, not an empty display name before it
            message.setRecipient(Message.RecipientType.TO, toName == null || toName.isBlank()
                    ? new InternetAddress(to.address()) : new InternetAddress(to.address(), toName, "UTF-8"));
            message.setHeader("Subject", Subjects.encode(HeaderText.check("the subject", mail.subject())));
            message.setSentDate(Date.from(clock.instant()));
            if (mail.unsubscribeUrl() != null) {
                // RFC 2369 and RFC 8058: the https URL receives a POST "List-Unsubscribe=One-Click".
                message.setHeader("List-Unsubscribe", "<" + HeaderText.check("the unsubscribe URL", mail.unsubscribeUrl()) + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            if (mail.listId() != null) {
                message.setHeader("List-Id", HeaderText.check("the list id", mail.listId()));
            }
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(encodedPart("text/plain; charset=UTF-8", mail.text()));
            alternative.addBodyPart(encodedPart("text/html; charset=UTF-8", mail.html()));
            message.setContent(alternative);
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the message " + mail.messageId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A part whose body is base64 of its UTF-8 bytes, encoded here with the JDK's encoder. Handing
     * Jakarta Mail the text instead makes it scan every byte to choose an encoding and then encode
     * one byte at a time through its stream chain: most of the cost of a message. Base64 is what a
     * Japanese body would get anyway, and every client and carrier reads it.
     */
    private static MimeBodyPart encodedPart(String contentType, String body) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType);
        headers.setHeader("Content-Transfer-Encoding", "base64");
        byte[] encoded = BASE64.encode(body.getBytes(StandardCharsets.UTF_8));
        byte[] withEnd = java.util.Arrays.copyOf(encoded, encoded.length + 2);
        withEnd[encoded.length] = '\r';
        withEnd[encoded.length + 1] = '\n';
        return new MimeBodyPart(headers, withEnd);
    }

    /** Keeps our Message-ID: one per delivery row, so a retry can be recognised as the same mail. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
