package dev.tayori.delivery;

import java.time.Instant;

/**
 * Told after each sending run whether the SMTP server could be used, so that the dashboard can say
 * since when it cannot (health/SmtpOutage keeps that in the database, for every node and restart).
 */
public interface SmtpWatch {
    /** The run could not use the server at all: {@code why} is unreachable or login refused. */
    void unusable(Stop why, Instant at);

    /** The run opened a session with the server (greeting, TLS and login passed): it is usable again. */
    void reached();
}
