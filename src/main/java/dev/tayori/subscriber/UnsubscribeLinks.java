package dev.tayori.subscriber;

import dev.tayori.db.InstallationSecret;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The unsubscribe link of one mail, which says which mail it came from (for the report of each
 * mailing, report/Reports, which reads what {@link #record} writes): {@code /unsubscribe/TOKEN?mail=M}
 * with M = {@code DELIVERY.SIGNATURE}, an HMAC-SHA256 of the delivery under a key of this installation.
 * The reader's token alone decides who is unsubscribed, as before; the mark only decides which mail's
 * report counts it, so a mark that is missing, altered or copied from another reader's mail never
 * stops an unsubscribe, it just counts for no mail. The key lives in installation_secrets (made at
 * first use), so the links of mail already sent keep counting after a restart and on every node.
 */
public final class UnsubscribeLinks {
    static final String KEY_NAME = "unsubscribe-link-hmac";
    public static final String PARAMETER = "mail";
    private static final int SIGNATURE_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** A number as we write it: no sign, no leading zero, so one mark has one spelling. */
    private static final String NUMBER = "[1-9][0-9]{0,17}";

    /** How the reader left: the button on our page, or their mail program's one-click POST (RFC 8058). */
    public enum Via { PAGE, ONE_CLICK }

    /** What they stopped: all mail, or the newsletter only (the workbook kept). */
    public enum Scope { ALL, NEWSLETTER }

    private final Jdbi jdbi;
    private final Clock clock;
    private final InstallationSecret key;

    public UnsubscribeLinks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.key = new InstallationSecret(jdbi, clock, KEY_NAME, "unsubscribe-link");
    }

    /** The link for the mail of {@code deliveryId}; the page and the List-Unsubscribe header use the same one. */
    public String link(String baseUrl, String token, long deliveryId) {
        return baseUrl + "/unsubscribe/" + token + "?" + PARAMETER + "=" + mark(deliveryId);
    }

    String mark(long deliveryId) {
        return deliveryId + "." + ENCODER.encodeToString(signature(deliveryId));
    }

    /** The delivery a mark names, when we made it; empty for anything else (none, altered, cut, made up). */
    public Optional<Long> deliveryIn(String mark) {
        if (mark == null || mark.length() > 60) {
            return Optional.empty();
        }
        int dot = mark.indexOf('.');
        if (dot < 0 || !mark.substring(0, dot).matches(NUMBER)) {
            return Optional.empty();
        }
        long delivery = Long.parseLong(mark.substring(0, dot));
        Optional<byte[]> signature = key.signIfKept(ByteBuffer.allocate(8).putLong(delivery).array());
        if (signature.isEmpty()) {
            return Optional.empty(); // no key yet: no mail ever carried a mark
        }
        // compared as the text we would write (constant time): several base64 spellings decode alike
        byte[] expected = ENCODER.encodeToString(Arrays.copyOf(signature.get(), SIGNATURE_BYTES))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(mark.substring(dot + 1).getBytes(StandardCharsets.US_ASCII), expected)
                ? Optional.of(delivery) : Optional.empty();
    }

    /**
     * Counts an unsubscribe that just ended a reader's mail (or their newsletter) for the mail whose
     * link they used. Only that reader's own mail counts, once: the row is keyed by the delivery.
     */
    public void record(long deliveryId, long subscriberId, Scope scope, Via via) {
        jdbi.useExtension(UnsubscribeLinkDao.class, dao -> dao.recordUnsubscribe(deliveryId, subscriberId,
                scope.name().toLowerCase(java.util.Locale.ROOT), via == Via.PAGE ? "page" : "one-click", clock.instant()));
    }

    private byte[] signature(long deliveryId) {
        return Arrays.copyOf(key.sign(ByteBuffer.allocate(8).putLong(deliveryId).array()), SIGNATURE_BYTES);
    }
}
