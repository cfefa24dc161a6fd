package dev.tayori.web.admin;

import dev.tayori.subscriber.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The admin password (kept only as a hash) and sign-in sessions. Sessions live in memory: a restart
 * signs the operator out, which is acceptable for one operator and keeps no session secrets on disk.
 */
public final class AdminAuth {
    static final Duration SESSION = Duration.ofHours(12);

    /** A signed-in browser: its CSRF token goes into every form of its pages. */
    record Session(String id, String csrf, Instant expires) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public AdminAuth(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores the hash of admin.password when it is set. When it is not and no password exists yet,
     * generates one and returns it, to be printed once; the database keeps only its hash.
     */
    public Optional<String> prepare(String configuredPassword) {
        if (!configuredPassword.isEmpty()) {
            store(PasswordHash.hash(configuredPassword));
            return Optional.empty();
        }
        if (storedHash().isPresent()) {
            return Optional.empty();
        }
        String generated = Tokens.newToken().substring(0, 20);
        store(PasswordHash.hash(generated));
        return Optional.of(generated);
    }

    boolean passwordMatches(String password) {
        return password != null && storedHash().map(hash -> PasswordHash.matches(password, hash)).orElse(false);
    }

    Session signIn() {
        Session session = new Session(Tokens.newToken(), Tokens.newToken(), clock.instant().plus(SESSION));
        sessions.put(session.id(), session);
        sessions.values().removeIf(s -> s.expires().isBefore(clock.instant()));
        return session;
    }

    Optional<Session> session(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null || s.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void signOut(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private Optional<String> storedHash() {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM admin_credentials WHERE id = 1")
                .mapTo(String.class).findOne());
    }

    private void store(String hash) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO admin_credentials (id, password_hash, set_at) VALUES (1, :hash, :at)"
                + " ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash, set_at = excluded.set_at")
                .bind("hash", hash).bind("at", clock.instant()).execute());
    }
}
