package dev.tayori.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} events per key (an IP address) in a sliding window. Keeps memory bounded by
 * dropping keys whose window has passed, so a flood of addresses cannot grow it without end.
 */
public final class RateLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new LinkedHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Records an event for {@code key}; false when it is over the limit (and then not recorded). */
    public synchronized boolean allow(String key) {
        Instant now = clock.instant();
        Instant since = now.minus(window);
        prune(since);
        Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
            recent.pollFirst();
        }
        if (recent.size() >= limit) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    private void prune(Instant since) {
        if (events.size() < 10_000) {
            return;
        }
        for (Iterator<Deque<Instant>> it = events.values().iterator(); it.hasNext(); ) {
            Deque<Instant> d = it.next();
            if (d.isEmpty() || !d.peekLast().isAfter(since)) {
                it.remove();
            }
        }
    }
}
