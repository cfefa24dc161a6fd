package dev.tayori.tracking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token in a /r/ link: which delivery (one mail to one reader) and which stored link, signed
 * with HMAC-SHA256 so that nobody can make /r/ lead elsewhere or count a click for another mail by
 * changing a digit. The form is {@code DELIVERY.LINK.SIGNATURE}, the signature 16 bytes in base64url.
 */
final class ClickTokens {
    private static final int SIGNATURE_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** A number as we write it: no sign, no leading zero, so one token has one spelling. */
    private static final String NUMBER = "0|[1-9][0-9]{0,17}";

    /** What a token names once its signature checked out. */
    record Target(long deliveryId, long linkId) {
    }

    private final SecretKeySpec key;

    ClickTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String token(long deliveryId, long linkId) {
        return deliveryId + "." + linkId + "." + ENCODER.encodeToString(signature(deliveryId, linkId));
    }

    /** The delivery and link of a token we made, or empty for anything else (altered, cut, made up). */
    Optional<Target> read(String token) {
        if (token == null || token.length() > 80) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches(NUMBER) || !parts[1].matches(NUMBER)) {
            return Optional.empty();
        }
        long delivery = Long.parseLong(parts[0]);
        long link = Long.parseLong(parts[1]);
        // compared as text, not as decoded bytes: the last of 22 base64 characters carries only two
        // bits, so decoding would take several spellings of one signature (and an altered link) as ours
        byte[] expected = ENCODER.encodeToString(signature(delivery, link)).getBytes(StandardCharsets.US_ASCII);
        // constant time: a signature cannot be guessed byte by byte from how long a refusal takes
        return MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII), expected)
                ? Optional.of(new Target(delivery, link)) : Optional.empty();
    }

    private byte[] signature(long deliveryId, long linkId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(ByteBuffer.allocate(16).putLong(deliveryId).putLong(linkId).array());
            return java.util.Arrays.copyOf(full, SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
