package dev.tayori.delivery;

import java.time.Duration;

/**
 * How many rows are claimed and queued at a time: as many as this run's senders have been sending in
 * a quarter of the lease, at most {@code delivery.batch-size}. A claimed row waits behind at most that
 * many, so it is sent long before its lease is half gone even against a slow server or a short lease;
 * a fixed 2,000 made rows wait past half their lease and be handed back, over and over, at a few
 * hundred mails a second. Paces are measured on the wall clock, as leases are.
 */
final class ClaimSize {
    /** The first claim, before there is a pace to go by. */
    static final int FIRST = 100;

    private final int most;
    private final int least;
    private final long quarterLeaseNanos;
    private final long started = System.nanoTime();
    private int current;

    ClaimSize(int batchSize, int workers, Duration lease) {
        this.most = Math.max(1, batchSize);
        this.least = Math.min(most, Math.max(1, 2 * workers));
        this.quarterLeaseNanos = lease.toNanos() / 4;
        this.current = Math.max(least, Math.min(most, FIRST));
    }

    /** The rows to have claimed and waiting, given how many this run has handled so far. */
    int target(long handled) {
        long elapsed = System.nanoTime() - started;
        if (handled > 0 && elapsed > 0) {
            double perNano = (double) handled / elapsed;
            current = (int) Math.max(least, Math.min(most, perNano * quarterLeaseNanos));
        }
        return current;
    }
}
