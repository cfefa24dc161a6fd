package dev.tayori.db;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * One HMAC key of this installation, kept in the database (installation_secrets) so that every node
 * and every restart signs and checks with the same key, made at first use. Writing (a link or an
 * envelope in a mail) makes the key; reading never does, so a refused request or a forged report
 * leaves the database as it was. Each purpose has its own key and signs its purpose too.
 */
public final class InstallationSecret {
    private final Jdbi jdbi;
    private final Clock clock;
    private final String name;
    private final byte[] purpose;
    private volatile SecretKeySpec key;

    /** {@code name}: the key's row; {@code purpose}: what its signatures are for, signed before the data. */
    public InstallationSecret(Jdbi jdbi, Clock clock, String name, String purpose) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.name = name;
        this.purpose = (purpose + ":").getBytes(StandardCharsets.US_ASCII);
    }

    /** HMAC-SHA256 of the purpose and {@code data} under the key, made now if there is none yet. */
    public byte[] sign(byte[] data) {
        return mac(made(), data);
    }

    /** The same signature under the existing key; empty when no key was ever made (nothing was ever signed). */
    public Optional<byte[]> signIfKept(byte[] data) {
        return existing().map(k -> mac(k, data));
    }

    private SecretKeySpec made() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String secret = jdbi.inTransaction(h -> {
                InstallationSecretDao dao = h.attach(InstallationSecretDao.class);
                dao.offer(name, Base64.getEncoder().encodeToString(fresh), clock.instant()); // first one wins
                return dao.secret(name).orElseThrow();
            });
            k = new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256");
            key = k;
        }
        return k;
    }

    private Optional<SecretKeySpec> existing() {
        if (key == null) {
            jdbi.withExtension(InstallationSecretDao.class, dao -> dao.secret(name))
                    .ifPresent(secret -> key = new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
        }
        return Optional.ofNullable(key);
    }

    private byte[] mac(SecretKeySpec k, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(k);
            // the purpose is part of what is signed, so one key's signatures mean nothing elsewhere
            mac.update(purpose);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
