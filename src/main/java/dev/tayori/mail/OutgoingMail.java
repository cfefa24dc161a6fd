package dev.tayori.mail;

import dev.tayori.config.Sender;

/**
 * Everything a message needs, already rendered. {@code unsubscribeUrl} is null only for mail that
 * is not a mailing (the sign-up confirmation, a test copy), which carries no List-Unsubscribe headers.
 *
 * @param deliveryId the delivery row this mail is (named in a VERP envelope sender), 0 for none (a test copy)
 * @param unsubscribeToken the reader's token for List-Unsubscribe's mailto:, null with no unsubscribeUrl
 */
public record OutgoingMail(Sender from, String toAddress, String toName, String subject, BodyText html, BodyText text,
        String messageId, String listId, String unsubscribeUrl, long deliveryId, String unsubscribeToken) {
    public OutgoingMail(Sender from, String toAddress, String toName, String subject, BodyText html, BodyText text,
            String messageId, String listId, String unsubscribeUrl) {
        this(from, toAddress, toName, subject, html, text, messageId, listId, unsubscribeUrl, 0, null);
    }

    public OutgoingMail(Sender from, String toAddress, String toName, String subject, String html, String text,
            String messageId, String listId, String unsubscribeUrl) {
        this(from, toAddress, toName, subject, BodyText.of(html), BodyText.of(text), messageId, listId, unsubscribeUrl);
    }
}
