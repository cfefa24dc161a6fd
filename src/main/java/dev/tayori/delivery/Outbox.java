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
 * with the same Message-ID. {@link #stopTaking()} ends a run early for a clean shutdown: no more
 * claims, the mails on the wire finish, and what was claimed but not sent is handed back at once.
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
    private final String node;
    private final String owner;
    private final SmtpWatch watch;
    /** The stop signals of the runs going on now, so that a shutdown can reach each of them. */
    private final java.util.Set<AtomicReference<Stop>> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /** The reason a run ends when the process is shutting down (compared by identity). */
    static final Stop SHUTTING_DOWN = new Stop(Stop.Reason.INTERRUPTED, "tayori is shutting down");

    public Outbox(Jdbi jdbi, MailComposer composer, dev.tayori.subscriber.Subscribers subscribers,
            Supplier<SmtpConnection> connections, Supplier<dev.tayori.mail.MessageBuilder> builders, SendThrottle throttle,
            Clock clock, Policy policy, String node, SmtpWatch watch) {
        this.watch = watch;
        this.builders = builders;
        this.jdbi = jdbi;
        this.composer = composer;
        this.subscribers = subscribers;
        this.connections = connections;
        this.throttle = throttle;
        this.clock = clock;
        this.policy = policy;
        this.node = node;
        // claims name the node and this process: which node holds a row, and no two processes' claims alike
        this.owner = node + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Stops every run for good (the process is shutting down): no new claims; each sender finishes the
     * mail it is transmitting and takes no other; the rows claimed but not sent go back to planned when
     * the run ends. Later runs send nothing.
     */
    public void stopTaking() {
        stopping = true;
        running.forEach(stop -> stop.compareAndSet(null, SHUTTING_DOWN));
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
            report.stopped(new Stop(Stop.Reason.SETTINGS_MISSING, blocked.get()), blocked.get());
            return;
        }
        if (stopping) {
            return; // shutting down: what is due waits, unclaimed, for the next node or run
        }
        int workers = Math.max(1, policy.connections());
        BlockingQueue<Claimed> queue = new ArrayBlockingQueue<>(Math.max(workers, policy.batchSize()));
        AtomicReference<Stop> stop = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean reached = new java.util.concurrent.atomic.AtomicBoolean();
        running.add(stop);
        if (stopping) {
            stop.compareAndSet(null, SHUTTING_DOWN); // stopTaking() came between the test above and the add
        }
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();
        Object writeLock = new Object();
        OutcomeRecorder recorder = new OutcomeRecorder(jdbi, writeLock, workers * RowSender.UNRECORDED_PER_CONNECTION, node);
        for (int i = 0; i < workers; i++) {
            RowSender sender = new RowSender(jdbi, composer, builders.get(), subscribers, throttle, clock, policy, report,
                    writeLock, recorder);
            Thread t = new Thread(() -> {
                try (SmtpConnection smtp = connections.get()) {
                    sender.run(smtp, queue, stop, at, () -> progress.accept(handled.incrementAndGet()));
                    if (smtp.everOpened()) {
                        reached.set(true);
                    }
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
            running.remove(stop);
            Stop stopped = stop.get();
            if (stopped == SHUTTING_DOWN) {
                report.note("stopped for shutdown: " + released + " mail(s) claimed but not sent were handed back");
            } else if (stopped != null && stopped.hold() != null) {
                // counted in the database: the rows this run held back and handed back, and any other
                // process's, everything that goes once the limit has room again
                Instant until = stopped.hold().until().isAfter(at) ? stopped.hold().until() : at;
                long waiting = jdbi.withExtension(DeliveryDao.class, dao -> dao.countWaiting(until));
                report.stopped(stopped, stopped.detail() + "; " + waiting + " mail(s) wait for it");
                report.hold(stopped.hold(), waiting);
            } else if (stopped != null) {
                report.stopped(stopped, stopped.detail() + "; " + released
                        + (stopped.waits() ? " mail(s) wait for the next run" : " mail(s) stay queued for the next run"));
            }
            // One connection that got through is enough to call the server usable: a second one refused
            // (a server's limit on connections per client) is not an outage.
            if (reached.get()) {
                watch.reached();
            } else if (stopped != null && stopped.smtpUnusable()) {
                watch.unusable(stopped, clock.instant());
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
