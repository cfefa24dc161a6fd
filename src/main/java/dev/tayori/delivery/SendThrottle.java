package dev.tayori.delivery;

import dev.tayori.config.RateSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Paces sending: a rate for all connections together, an optional window (1000 an hour), and slower
 * limits for domains that throttle senders (Japanese carrier mail). Short waits are slept through;
 * a long wait is handed back as a {@link Hold} with the instant it ends, so the run can stop and say
 * so ("waiting for the window until 08:00") instead of stalling silently.
 */
public final class SendThrottle {
    static final Duration LONGEST_SLEEP = Duration.ofSeconds(5);

    /** Why sending must wait, and until when; {@code global} when no mail at all may go until then. */
    public record Hold(String reason, Instant until, boolean global) {
    }

    /** A sliding window: the instants (in nanos) of the last {@code count} sends. */
    private static final class Window {
        final String name;
        final RateSpec spec;
        final Deque<Long> sends = new ArrayDeque<>();

        Window(String name, RateSpec spec) {
            this.name = name;
            this.spec = spec;
        }

        long waitNanos(long now) {
            while (!sends.isEmpty() && sends.peekFirst() <= now - spec.period().toNanos()) {
                sends.pollFirst();
            }
            return sends.size() < spec.count() ? 0 : sends.peekFirst() + spec.period().toNanos() - now;
        }
    }

    private final List<Window> global = new ArrayList<>();
    private final Map<String, Window> domains = new HashMap<>();
    private final Clock wallClock;

    public SendThrottle(int ratePerSecond, RateSpec window, Map<String, RateSpec> domainLimits, Clock wallClock) {
        if (ratePerSecond > 0) {
            global.add(new Window("rate", new RateSpec(ratePerSecond, Duration.ofSeconds(1))));
        }
        if (window != null) {
            global.add(new Window("window", window));
        }
        domainLimits.forEach((domain, spec) -> domains.put(domain, new Window(domain, spec)));
        this.wallClock = wallClock;
    }

    public static SendThrottle none() {
        return new SendThrottle(0, null, Map.of(), Clock.systemUTC());
    }

    /** Waits for a free slot for mail to {@code domain}; empty when the mail may go now. */
    public Optional<Hold> acquire(String domain) throws InterruptedException {
        Window domainWindow = domains.get(domain.toLowerCase(Locale.ROOT));
        while (true) {
            long wait;
            boolean isGlobal = false;
            synchronized (this) {
                long now = System.nanoTime();
                wait = 0;
                for (Window w : global) {
                    long wn = w.waitNanos(now);
                    if (wn > wait) {
                        wait = wn;
                        isGlobal = true;
                    }
                }
                long dn = domainWindow == null ? 0 : domainWindow.waitNanos(now);
                if (dn > wait) {
                    wait = dn;
                    isGlobal = false;
                }
                if (wait == 0) {
                    global.forEach(w -> w.sends.addLast(now));
                    if (domainWindow != null) {
                        domainWindow.sends.addLast(now);
                    }
                    return Optional.empty();
                }
            }
            if (wait > LONGEST_SLEEP.toNanos()) {
                Instant until = wallClock.instant().plusNanos(wait);
                return Optional.of(new Hold(isGlobal ? "the sending window (smtp.window) is full"
                        : "the limit for " + domain + " (smtp.domain-limits) is reached", until, isGlobal));
            }
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
