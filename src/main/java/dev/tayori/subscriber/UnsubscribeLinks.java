package dev.tayori.subscriber;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
    private volatile SecretKeySpec key;

    public UnsubscribeLinks(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The link for the mail of {@code deliveryId}; the page and the List-Unsubscribe header use the same one. */
    public String link(String baseUrl, String token, long deliveryId) {
        return baseUrl + "/unsubscribe/" + token + "?" + PARAMETER + "=" + mark(deliveryId);
    }

    String mark(long deliveryId) {
        return deliveryId + "." + ENCODER.encodeToString(signature(key(), deliveryId));
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
        Optional<SecretKeySpec> existing = existingKey();
        if (existing.isEmpty()) {
            return Optional.empty(); // no key yet: no mail ever carried a mark
        }
        long delivery = Long.parseLong(mark.substring(0, dot));
        // compared as the text we would write (constant time): several base64 spellings decode alike
        byte[] expected = ENCODER.encodeToString(signature(existing.get(), delivery)).getBytes(StandardCharsets.US_ASCII);
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

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String secret = jdbi.inTransaction(h -> {
                UnsubscribeLinkDao dao = h.attach(UnsubscribeLinkDao.class);
                dao.offerSecret(KEY_NAME, Base64.getEncoder().encodeToString(fresh), clock.instant()); // first one wins
                return dao.secret(KEY_NAME).orElseThrow();
            });
            k = new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256");
            key = k;
        }
        return k;
    }

    /** The key if one was made; reading a link never makes one (a refused request leaves the database as it was). */
    private Optional<SecretKeySpec> existingKey() {
        if (key == null) {
            jdbi.withExtension(UnsubscribeLinkDao.class, dao -> dao.secret(KEY_NAME))
                    .ifPresent(secret -> key = new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
        }
        return Optional.ofNullable(key);
    }

    private static byte[] signature(SecretKeySpec key, long deliveryId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // the purpose is part of what is signed, so this key's signatures mean nothing elsewhere
            mac.update("unsubscribe-link:".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(mac.doFinal(ByteBuffer.allocate(8).putLong(deliveryId).array()), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
