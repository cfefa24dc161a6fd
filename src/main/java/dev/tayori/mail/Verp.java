package dev.tayori.mail;

import dev.tayori.db.InstallationSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * VERP (variable envelope return path): each mail's envelope sender names its delivery, so a bounce
 * sent back to {@code bounces+d9ix0k3fz7qa@example.jp} (delivery 12345) says which delivery bounced
 * without reading the report's free-form text. The mailbox must deliver {@code bounces+anything@} to
 * {@code bounces@} (Postfix's {@code recipient_delimiter = +}; Gmail, Google Workspace and most hosts
 * do so already).
 *
 * <p>The token is {@code d}, the delivery's id in base 36, and eight base-36 characters of an
 * HMAC-SHA256 of the id under a key of this installation (installation_secrets, the same on every
 * node). Delivery ids count up and are easy to guess; the signature is not: a report to a token nobody
 * was sent names no delivery, so a stranger cannot bounce a reader by sending made-up reports to
 * {@code bounces+d1@}, {@code bounces+d2@}… Lower case throughout, since some relays lower-case local
 * parts.
 */
public final class Verp {
    static final String KEY_NAME = "verp-hmac";
    private static final int CHECK_LENGTH = 8;
    private static final long CHECK_RANGE = 2_821_109_907_456L; // 36^8

    private final InstallationSecret key;

    public Verp(InstallationSecret key) {
        this.key = key;
    }

    /** The installation's VERP key, kept in its database. */
    public static Verp of(org.jdbi.v3.core.Jdbi jdbi, java.time.Clock clock) {
        return new Verp(new InstallationSecret(jdbi, clock, KEY_NAME, "verp"));
    }

    /** {@code bounces@example.jp} and delivery 12345 give {@code bounces+d9ix0k3fz7qa@example.jp}. */
    public String address(String bounceAddress, long deliveryId) {
        if (deliveryId <= 0) {
            throw new IllegalArgumentException("a delivery id is positive, not " + deliveryId);
        }
        int at = bounceAddress.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a mail address: " + bounceAddress);
        }
        return bounceAddress.substring(0, at) + "+" + token(deliveryId) + bounceAddress.substring(at);
    }

    /** The token alone: {@code d} + id in base 36 + eight signature characters. */
    public String token(long deliveryId) {
        String digits = Long.toString(deliveryId, 36);
        return "d" + digits + check(key.sign(digits.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The delivery a bounce was sent to, from the address it came back to ({@code bounces+TOKEN@...},
     * any case, with or without angle brackets); empty if it carries no token we made.
     */
    public Optional<Long> deliveryId(String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        String address = recipient.strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1);
        }
        int at = address.lastIndexOf('@');
        int plus = at < 0 ? -1 : address.lastIndexOf('+', at);
        if (plus < 0) {
            return Optional.empty();
        }
        String token = address.substring(plus + 1, at).toLowerCase(Locale.ROOT);
        if (token.length() < 2 + CHECK_LENGTH || token.length() > 13 + 1 + CHECK_LENGTH || token.charAt(0) != 'd') {
            return Optional.empty();
        }
        String digits = token.substring(1, token.length() - CHECK_LENGTH);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'z') || digits.startsWith("0")) {
            return Optional.empty();
        }
        Optional<byte[]> signature = key.signIfKept(digits.getBytes(StandardCharsets.US_ASCII));
        // compared in constant time, as the text we would write
        if (signature.isEmpty() || !MessageDigest.isEqual(check(signature.get()).getBytes(StandardCharsets.US_ASCII),
                token.substring(token.length() - CHECK_LENGTH).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(digits, 36);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Eight base-36 characters from the signature's first five bytes (40 bits, under 36^8). */
    private static String check(byte[] signature) {
        long value = 0;
        for (int i = 0; i < 5; i++) {
            value = value << 8 | (signature[i] & 0xFF);
        }
        String check = Long.toString(value % CHECK_RANGE, 36);
        return "0".repeat(CHECK_LENGTH - check.length()) + check;
    }
}
