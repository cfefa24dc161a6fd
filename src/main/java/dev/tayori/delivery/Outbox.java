package dev.tayori.delivery;

import dev.tayori.mail.SmtpConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends recorded deliveries. Rows are claimed in batches by one statement (state, lease owner, lease
 * expiry) before any mail leaves, handed through a bounded queue to a pool of SMTP connections, and
 * each is marked sent only after the server's 250 reply. Memory depends on the batch size, not on
 * the size of the list. A row whose sender died is claimed again once its lease has expired, and sent
 * with the same Message-ID.
 */
public final class Outbox {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Outbox.class);

    /** Settings of the sending loop. */
    public record Policy(int batchSize, int maxAttempts, Duration lease, int connections) {
    }

    private static final Claimed END = new Claimed(new Delivery(-1, -1, "", "", null, "", "", 0, null, null, null, null,
            null, null, null, null), null);

    private final Jdbi jdbi;
    private final MailComposer composer;
    private final dev.tayori.subscriber.Subscribers subscribers;
    private final Supplier<SmtpConnection> connections;
    private final Supplier<dev.tayori.mail.MessageBuilder> builders;
    private final SendThrottle throttle;
    private final Clock clock;
    private final Policy policy;
    private final String owner;

    public Outbox(Jdbi jdbi, MailComposer composer, dev.tayori.subscriber.Subscribers subscribers,
            Supplier<SmtpConnection> connections, Supplier<dev.tayori.mail.MessageBuilder> builders, SendThrottle throttle,
            Clock clock, Policy policy, String owner) {
        this.builders = builders;
        this.jdbi = jdbi;
        this.composer = composer;
        this.subscribers = subscribers;
        this.connections = connections;
        this.throttle = throttle;
        this.clock = clock;
        this.policy = policy;
        this.owner = owner;
    }

    /** Sends everything due at {@code at}; stops early, with the reason in the report, if the server is unreachable. */
    public void sendDue(Instant at, SendReport report) {
        sendDue(at, report, sent -> { });
    }

    /** As {@link #sendDue(Instant, SendReport)}, telling {@code progress} how many rows have been handled. */
    public void sendDue(Instant at, SendReport report, LongConsumer progress) {
        java.util.Optional<String> blocked = composer.blockedBySettings();
        if (blocked.isPresent()) {
            // nothing is claimed: the rows wait, unchanged, for a run with the settings fixed
            report.problem(blocked.get());
            return;
        }
        int workers = Math.max(1, policy.connections());
        BlockingQueue<Claimed> queue = new ArrayBlockingQueue<>(Math.max(workers, policy.batchSize()));
        AtomicReference<Stop> stop = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();
        Object writeLock = new Object();
        OutcomeRecorder recorder = new OutcomeRecorder(jdbi, writeLock, workers * RowSender.UNRECORDED_PER_CONNECTION);
        for (int i = 0; i < workers; i++) {
            RowSender sender = new RowSender(jdbi, composer, builders.get(), subscribers, throttle, clock, policy, report,
                    writeLock, recorder);
            Thread t = new Thread(() -> {
                try (SmtpConnection smtp = connections.get()) {
                    sender.run(smtp, queue, stop, at, () -> progress.accept(handled.incrementAndGet()));
                }
            }, "sender-" + i);
            t.start();
            threads.add(t);
        }
        ClaimSize claimSize = new ClaimSize(policy.batchSize(), workers, policy.lease());
        try {
            boolean drained = false;
            for (long batchNumber = 1; stop.get() == null; batchNumber++) {
                // each batch is claimed under its own name, so "what did I just claim" is exact
                String claim = owner + "#" + batchNumber;
                // claim when three quarters of what is waiting have gone, enough to be waiting again
                int target = claimSize.target(handled.get());
                waitForRoom(queue, target / 4, stop);
                int limit = Math.max(1, target - queue.size());
                int claimed;
                synchronized (writeLock) {
                    Instant now = clock.instant();
                    claimed = jdbi.withExtension(DeliveryDao.class,
                            dao -> dao.claim(claim, at, now, now.plus(policy.lease()), limit));
                }
                // Read outside the write lock: the recorder commits the senders' outcomes meanwhile. No one
                // else changes these rows before they are queued (the claim's name is this batch's own).
                List<Claimed> batch = claimed == 0 ? List.of()
                        : jdbi.withExtension(DeliveryDao.class, dao -> dao.claimedBy(claim));
                if (batch.isEmpty()) {
                    if (drained) {
                        break;
                    }
                    // nothing more is due: let the senders finish the queue, then look once more (a row
                    // handed back for a short lease is due again at once)
                    waitUntilDrained(queue, stop);
                    drained = true;
                    continue;
                }
                drained = false;
                // The next batch is claimed while the senders work through the last of this one, so they
                // never wait for a claim; at most batch-size rows are held in memory and under lease.
                for (Claimed d : batch) {
                    while (stop.get() == null && !queue.offer(d, 200, TimeUnit.MILLISECONDS)) {
                        // waiting for room in the queue
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (int i = 0; i < workers; i++) {
                queue.clear();
                queue.offer(END);
            }
            for (int i = 0; i < threads.size(); i++) {
                queue.offer(END);
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            recorder.close();
            try {
                throttle.giveBackUnused();
            } catch (RuntimeException e) {
                // the database failed: the unused slots stay counted until their period ends, which
                // only holds back more than needed; handing the rows back matters more
                LOG.warn("cannot hand back unused sending slots: {}", e.getMessage());
            }
            int released = jdbi.withExtension(DeliveryDao.class, dao -> dao.release(owner));
            if (stop.get() instanceof Stop.Held held) {
                // counted in the database: the rows this run held back and handed back, and any other
                // process's, everything that goes once the limit has room again
                Instant until = held.hold().until().isAfter(at) ? held.hold().until() : at;
                report.hold(held.hold(), jdbi.withExtension(DeliveryDao.class, dao -> dao.countWaiting(until)));
            } else if (stop.get() instanceof Stop.Problem problem) {
                report.problem(problem.message() + "; " + released + " mail(s) stay queued for the next run");
            }
        }
    }

    /** Waits until no more than {@code most} rows are queued (or the run stops). */
    private static void waitForRoom(BlockingQueue<Claimed> queue, int most, AtomicReference<Stop> stop)
            throws InterruptedException {
        while (queue.size() > most && stop.get() == null) {
            Thread.sleep(1);
        }
    }

    /** Waits until the senders have taken every queued row (or the run stops). */
    private static void waitUntilDrained(BlockingQueue<Claimed> queue, AtomicReference<Stop> stop)
            throws InterruptedException {
        while (!queue.isEmpty() && stop.get() == null) {
            Thread.sleep(5);
        }
    }
}
