package dev.tayori.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jdbi.v3.core.Jdbi;

/**
 * At most {@code limit} sign-in attempts per address in any {@code window}, counted in the database
 * (table sign_in_attempts): attempts on every process behind a load balancer add up, and a restart
 * does not forget them, so the password cannot be guessed faster by spreading the guesses.
 */
public final class SignInLimit {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    public SignInLimit(Jdbi jdbi, Clock clock, int limit, Duration window) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts an attempt from {@code address}; false when it is over the limit (and then not counted). */
    public boolean allow(String address) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String attempt = HexFormat.of().formatHex(id);
        return jdbi.withExtension(AttemptDao.class, dao -> {
            dao.forgetBefore(since);
            dao.record(attempt, address, now);
            if (dao.countSince(address, since) <= limit) {
                return true;
            }
            dao.forget(attempt);
            return false;
        });
    }
}
