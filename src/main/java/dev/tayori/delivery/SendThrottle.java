package dev.tayori.delivery;

import dev.tayori.limits.Hold;
import dev.tayori.limits.SendLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Paces sending by the limits of the settings, which every process on the database shares
 * ({@link SendLimits}). Short waits are slept through; a long wait is handed back as a {@link Hold}
 * with the instant it ends, so the run can stop and say so ("waiting for the window until 08:00")
 * instead of stalling silently. Limits count on the wall clock, as leases do: a `send-due --at` for
 * tomorrow still sends at today's pace.
 */
public final class SendThrottle {
    /** The longest wait slept through; a limit full for longer holds its mail back (and says so). */
    public static final Duration LONGEST_SLEEP = Duration.ofSeconds(5);

    private final SendLimits limits;
    private final Clock wallClock;

    public SendThrottle(SendLimits limits, Clock wallClock) {
        this.limits = limits;
        this.wallClock = wallClock;
    }

    /** Waits for a free slot for mail to {@code domain}; empty when the mail may go now. */
    public Optional<Hold> acquire(String domain) throws InterruptedException {
        while (true) {
            Optional<Hold> hold = limits.take(domain, wallClock.instant());
            if (hold.isEmpty()) {
                return hold;
            }
            Duration wait = Duration.between(wallClock.instant(), hold.get().until());
            if (wait.compareTo(LONGEST_SLEEP) > 0) {
                return hold;
            }
            // at least a millisecond: a slot another process is handing back is not spun for
            Thread.sleep(Math.max(1, wait.toMillis()));
        }
    }

    /** At the end of a run: the slots reserved and not used go back to the other processes. */
    void giveBackUnused() {
        limits.giveBackUnused();
    }
}
