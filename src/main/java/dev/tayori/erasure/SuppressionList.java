package dev.tayori.erasure;

import dev.tayori.mail.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Erased addresses, kept only as HMAC-SHA256 of the lower-cased address (any case is one reader).
 * The operator's ways in (import, API, add --confirmed) refuse a suppressed address; a new double
 * opt-in is new consent and lifts the suppression when it is confirmed (not when merely asked for:
 * anyone can type an address into the form, only its owner can press the link).
 */
public final class SuppressionList {
    private SuppressionList() {
    }

    public static boolean isSuppressed(Handle h, EmailAddress address) {
        return InstallationKey.existing(h)
                .map(key -> h.attach(ErasureDao.class).isSuppressed(hash(key, address))).orElse(false);
    }

    /** The list as it is now, read once: an import checks thousands of rows against it. */
    public static Predicate<EmailAddress> snapshot(Jdbi jdbi) {
        return jdbi.inTransaction(h -> {
            Set<String> hashes = new HashSet<>(h.attach(ErasureDao.class).suppressedHashes());
            if (hashes.isEmpty()) {
                return a -> false;
            }
            byte[] key = InstallationKey.existing(h).orElseThrow();
            return a -> hashes.contains(hash(key, a));
        });
    }

    /** A confirmed new double opt-in: the reader gave consent again. */
    public static void lift(Handle h, EmailAddress address) {
        InstallationKey.existing(h).ifPresent(key -> h.attach(ErasureDao.class).unsuppress(hash(key, address)));
    }

    static void add(Handle h, EmailAddress address, Instant at) {
        h.attach(ErasureDao.class).suppress(hash(InstallationKey.suppression(h, at), address), at);
    }

    static String hash(byte[] key, EmailAddress address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(address.key().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
