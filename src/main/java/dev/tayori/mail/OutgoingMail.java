package dev.tayori.mail;

import dev.tayori.config.Sender;

/**
 * Everything a message needs, already rendered. {@code unsubscribeUrl} is null only for mail that
 * is not a mailing (the sign-up confirmation, a test copy), which carries no List-Unsubscribe headers.
 */
public record OutgoingMail(Sender from, String toAddress, String toName, String subject, BodyText html, BodyText text,
        String messageId, String listId, String unsubscribeUrl) {
    public OutgoingMail(Sender from, String toAddress, String toName, String subject, String html, String text,
            String messageId, String listId, String unsubscribeUrl) {
        this(from, toAddress, toName, subject, BodyText.of(html), BodyText.of(text), messageId, listId, unsubscribeUrl);
    }
}
