package dev.tayori.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code mailto:} alternative in List-Unsubscribe (RFC 2369), for clients that unsubscribe by
 * mail: {@code <mailto:unsubscribe+TOKEN@example.jp?subject=unsubscribe%20TOKEN>}, TOKEN being the
 * reader's unsubscribe token (the same one as in the https link). The token travels twice: in the
 * address, which the inbound mailbox sees even when a client drops the subject, and in the subject,
 * which survives a relay that lower-cases the address (the token is case-sensitive base64url).
 * {@link #token} reads it back from either.
 */
public final class MailtoUnsubscribe {
    /** Tokens are base64url without padding (subscriber/Tokens: 24 bytes, 32 characters). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern IN_SUBJECT = Pattern.compile("(?i)unsubscribe\\s+([A-Za-z0-9_-]{16,64})");

    private MailtoUnsubscribe() {
    }

    /** The URI for List-Unsubscribe, without the angle brackets. */
    public static String uri(String unsubscribeAddress, String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("an unsubscribe token is base64url, 16 to 64 characters");
        }
        int at = unsubscribeAddress.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a mail address: " + unsubscribeAddress);
        }
        return "mailto:" + unsubscribeAddress.substring(0, at) + "+" + token + unsubscribeAddress.substring(at)
                + "?subject=unsubscribe%20" + token;
    }

    /**
     * The reader's token from a mail that arrived at the unsubscribe address: from its subject
     * ("unsubscribe TOKEN", wherever it stands, so "Re: unsubscribe TOKEN" works) if it has one,
     * else from the {@code +TOKEN} of the address it was sent to. Empty when neither holds one.
     */
    public static Optional<String> token(String recipient, String subject) {
        if (subject != null) {
            Matcher m = IN_SUBJECT.matcher(subject);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        if (recipient == null) {
            return Optional.empty();
        }
        String address = recipient.strip();
        int at = address.lastIndexOf('@');
        int plus = at < 0 ? -1 : address.lastIndexOf('+', at);
        if (plus < 0) {
            return Optional.empty();
        }
        String token = address.substring(plus + 1, at);
        return TOKEN.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }
}
