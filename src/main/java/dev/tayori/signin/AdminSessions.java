package dev.tayori.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Admin sessions kept in the database (table admin_sessions): a session opened on one process is
 * known to every other on the same database, so a load balancer may send the browser anywhere, and a
 * restart signs nobody out. The cookie carries 192 random bits; the table keeps their SHA-256 only,
 * so a copy of the database (a backup) cannot be turned into a signed-in browser.
 */
public final class AdminSessions {
    /** A signed-in browser: {@code id} is its cookie's value, {@code csrf} goes into every form of its pages. */
    public record Session(String id, String csrf, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration length;

    public AdminSessions(Jdbi jdbi, Clock clock, Duration length) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.length = length;
    }

    public Session open() {
        Instant now = clock.instant();
        Session session = new Session(token(), token(), now.plus(length));
        jdbi.useExtension(SessionDao.class, dao -> {
            dao.endExpired(now);
            dao.open(hash(session.id()), session.csrf(), now, session.expires());
        });
        return session;
    }

    /** The session a cookie names, if it has not ended (expired or signed out, on any process). */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withExtension(SessionDao.class, dao -> dao.find(hash(id), clock.instant()))
                .map(s -> new Session(id, s.csrf(), s.expiresAt()));
    }

    /** Signs out: the session ends for every process. */
    public void end(String id) {
        if (id != null && !id.isEmpty()) {
            jdbi.useExtension(SessionDao.class, dao -> dao.end(hash(id)));
        }
    }

    static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
