package dev.tayori.erasure;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The installation's own HMAC key for the suppression list, kept in the database (table
 * installation_secrets), made at first use. In the database rather than in settings so that it can
 * never be lost apart from the hashes it keys: a new key would silently let every erased address be
 * imported again. The cost, said in the README: whoever holds a copy of the database can test a
 * guessed address against the list (never read the list back).
 */
final class InstallationKey {
    static final String SUPPRESSION = "suppression-hmac";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallationKey() {
    }

    /** The key, made now if there is none yet: for adding to the list. */
    static byte[] suppression(Handle h, Instant now) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        ErasureDao dao = h.attach(ErasureDao.class);
        dao.offerSecret(SUPPRESSION, Base64.getEncoder().encodeToString(fresh), now); // first one wins
        return Base64.getDecoder().decode(dao.secret(SUPPRESSION).orElseThrow());
    }

    /** The key if one was made: without one, nothing was ever suppressed. */
    static Optional<byte[]> existing(Handle h) {
        return h.attach(ErasureDao.class).secret(SUPPRESSION).map(Base64.getDecoder()::decode);
    }
}
