package dev.tayori.limits;

import java.time.Instant;

/** A limit that is full, and the instant it is expected to have room again. */
public record Hold(Limit limit, Instant until) {
    public boolean global() {
        return limit.global();
    }
}
