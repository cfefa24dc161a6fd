package dev.tayori.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * VERP (variable envelope return path): each mail's envelope sender names its delivery, so a bounce
 * sent back to {@code bounces+d9ixrh@example.jp} (delivery 12345) says which delivery bounced without reading the
 * report's free-form text. The mailbox must deliver {@code bounces+anything@} to {@code bounces@}
 * (Postfix's {@code recipient_delimiter = +}; Gmail, Google Workspace and most hosts do so already).
 *
 * <p>The token is {@code d}, the delivery's id in base 36, and two base-36 check characters (the
 * CRC-32 of the id's digits modulo 36²). The check is no secret and no signature, only a filter: a
 * token someone made up or a relay mangled is refused with odds of 1,295 in 1,296 instead of naming
 * some other reader's delivery. Lower case throughout, since some relays lower-case local parts.
 */
public final class Verp {
    private static final int CHECK_RANGE = 36 * 36;

    private Verp() {
    }

    /** {@code bounces@example.jp} and delivery 12345 give {@code bounces+d9ixrh@example.jp}. */
    public static String address(String bounceAddress, long deliveryId) {
        if (deliveryId <= 0) {
            throw new IllegalArgumentException("a delivery id is positive, not " + deliveryId);
        }
        int at = bounceAddress.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not a mail address: " + bounceAddress);
        }
        return bounceAddress.substring(0, at) + "+" + token(deliveryId) + bounceAddress.substring(at);
    }

    /** The token alone: {@code d} + id in base 36 + two check characters. */
    public static String token(long deliveryId) {
        String digits = Long.toString(deliveryId, 36);
        return "d" + digits + check(digits);
    }

    /**
     * The delivery a bounce was sent to, from the address it came back to ({@code bounces+TOKEN@...},
     * any case, with or without angle brackets); empty if it carries no valid token.
     */
    public static Optional<Long> deliveryId(String recipient) {
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
        if (token.length() < 4 || token.length() > 16 || token.charAt(0) != 'd') {
            return Optional.empty();
        }
        String digits = token.substring(1, token.length() - 2);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'z') || digits.startsWith("0")
                || !check(digits).equals(token.substring(token.length() - 2))) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(digits, 36);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String check(String digits) {
        CRC32 crc = new CRC32();
        crc.update(digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String check = Long.toString(crc.getValue() % CHECK_RANGE, 36);
        return check.length() == 1 ? "0" + check : check;
    }
}
