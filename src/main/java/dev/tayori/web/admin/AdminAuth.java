package dev.tayori.web.admin;

import dev.tayori.signin.AdminSessions;
import dev.tayori.signin.SignInLimit;
import dev.tayori.subscriber.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The admin password (kept only as a hash), sign-in sessions and the limit on sign-in attempts, all
 * in the database: any process on it accepts a session another one opened, signing out ends it on
 * every one, and guesses spread over several processes count together.
 */
public final class AdminAuth {
    static final Duration SESSION = Duration.ofHours(12);
    /** Sign-in attempts per IP address per minute, on all processes together. */
    static final int SIGN_INS_PER_MINUTE = 5;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AdminSessions sessions;
    private final SignInLimit signIns;

    public AdminAuth(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.sessions = new AdminSessions(jdbi, clock, SESSION);
        this.signIns = new SignInLimit(jdbi, clock, SIGN_INS_PER_MINUTE, Duration.ofMinutes(1));
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

    /** Counts a sign-in attempt from {@code address}: false when there were too many in the last minute. */
    boolean attemptAllowed(String address) {
        return signIns.allow(address);
    }

    AdminSessions.Session signIn() {
        return sessions.open();
    }

    Optional<AdminSessions.Session> session(String id) {
        return sessions.find(id);
    }

    void signOut(String id) {
        sessions.end(id);
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
