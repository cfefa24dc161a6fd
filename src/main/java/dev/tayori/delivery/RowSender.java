package dev.tayori.delivery;

import dev.tayori.limits.Hold;
import dev.tayori.mail.EmailAddress;
import dev.tayori.mail.MessageBuilder;
import dev.tayori.mail.SmtpConnection;
import dev.tayori.mail.SmtpFailure;
import dev.tayori.render.TemplateProblem;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.Subscribers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker of the sending pool: takes claimed rows from the queue and sends them over its connection.
 * It keeps one database handle for its reads for the whole run (opening one per statement cost more
 * than the statement) and hands its writes to the pool's {@link OutcomeRecorder}.
 */
final class RowSender {
    private static final Logger LOG = LoggerFactory.getLogger(RowSender.class);

    private final Jdbi jdbi;
    private final MailComposer composer;
    private final Subscribers subscribers;
    private final SendThrottle throttle;
    private final Clock clock;
    private final Outbox.Policy policy;
    private final SendReport report;
    private final Object writeLock;
    private final OutcomeRecorder recorder;
    private HeldRows rows;
    /**
     * How many mails a connection may have sent whose "sent" is not yet committed. The recorder commits
     * the senders' outcomes in groups; with one, every sender waited for each group commit before its
     * next mail, and the commits, not SMTP, set the pace. The price is the crash window: a process
     * killed at the wrong moment sends up to this many mails per connection again (same Message-ID).
     */
    static final int UNRECORDED_PER_CONNECTION = 4;

    /** The commits of the last mails this sender sent, oldest first, still to be waited for. */
    private final java.util.ArrayDeque<java.util.concurrent.CompletableFuture<Void>> unrecorded = new java.util.ArrayDeque<>();

    private final MessageBuilder builder;

    RowSender(Jdbi jdbi, MailComposer composer, MessageBuilder builder, Subscribers subscribers, SendThrottle throttle,
            Clock clock, Outbox.Policy policy, SendReport report, Object writeLock, OutcomeRecorder recorder) {
        this.builder = builder;
        this.writeLock = writeLock;
        this.recorder = recorder;
        this.jdbi = jdbi;
        this.composer = composer;
        this.subscribers = subscribers;
        this.throttle = throttle;
        this.clock = clock;
        this.policy = policy;
        this.report = report;
    }

    void run(SmtpConnection smtp, BlockingQueue<Claimed> queue, AtomicReference<Stop> stop, Instant at,
            Runnable handled) {
        try (org.jdbi.v3.core.Handle handle = jdbi.open();
                SubscriberLookup lookup = new SubscriberLookup(handle.getConnection())) {
            rows = new HeldRows(queue, lookup);
            // One mail ahead is prepared while the current one goes out, so that the connection can
            // carry its envelope along with the current one's data (SMTP pipelining across mails).
            Ready current = null;
            boolean ending = false;
            while (true) {
                if (current == null) {
                    if (ending) {
                        return;
                    }
                    Claimed row = rows.take();
                    if (row.delivery().id() < 0 || stop.get() != null) {
                        return;
                    }
                    current = prepareOrFail(row, builder, at, stop, handled);
                    continue;
                }
                Ready next = null;
                Claimed peek = ending ? null : rows.poll();
                if (peek != null && peek.delivery().id() < 0) {
                    ending = true;
                } else if (peek != null && stop.get() != null) {
                    ending = true; // claimed but not taken on: handed back when the run ends
                } else if (peek != null) {
                    next = prepareOrFail(peek, builder, at, stop, handled);
                }
                try {
                    transmit(current, next, smtp, at);
                } catch (SmtpFailure unusable) {
                    stop.compareAndSet(null, Stop.of(unusable));
                    return;
                } catch (OutcomeRecorder.NotRecorded e) {
                    // without a record of what was sent, going on could send it again: stop the run
                    stop.compareAndSet(null, notRecorded(e));
                    return;
                } catch (RuntimeException e) {
                    // one broken row must not stop the mailing: it fails with the reason, the rest go on
                    LOG.error("delivery {} failed: {}", current.delivery().id(), e.getMessage(), e);
                    Delivery failed = current.delivery();
                    finish(failed, Delivery.FAILED, at, String.valueOf(e.getMessage()));
                    count(failed, c -> c.failed++);
                }
                handled.run();
                current = next;
                Stop stopped = stop.get();
                if (stopped != null && !stopped.waits()) {
                    return; // a row prepared but not sent is handed back when the run ends
                }
                if (stopped != null && stopped.waits()) {
                    ending = true; // a sending limit: what is prepared has its place in it; send that, no more
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.sql.SQLException e) {
            stop.compareAndSet(null, new Stop(Stop.Reason.DATABASE, "cannot read from the database: " + e.getMessage()));
        } finally {
            try {
                awaitUnrecorded(); // the last mails' records, before this sender reports done
            } catch (OutcomeRecorder.NotRecorded e) {
                stop.compareAndSet(null, notRecorded(e));
            }
        }
    }

    /** A claimed row ready to go: its reader is still subscribed, and its mail is written. */
    private record Ready(Delivery delivery, MessageBuilder.Wire message) {
    }

    /** Prepares a row, or settles it (cancelled, failed, held back) and returns null. */
    private Ready prepareOrFail(Claimed row, MessageBuilder builder, Instant at, AtomicReference<Stop> stop,
            Runnable handled) {
        Delivery delivery = row.delivery();
        try {
            Ready ready = prepare(row, builder, at, stop);
            if (ready == null) {
                handled.run();
            }
            return ready;
        } catch (OutcomeRecorder.NotRecorded e) {
            stop.compareAndSet(null, notRecorded(e));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.compareAndSet(null, new Stop(Stop.Reason.INTERRUPTED, "interrupted"));
            return null;
        } catch (RuntimeException e) {
            LOG.error("delivery {} failed: {}", delivery.id(), e.getMessage(), e);
            finish(delivery, Delivery.FAILED, at, String.valueOf(e.getMessage()));
            count(delivery, c -> c.failed++);
            handled.run();
            return null;
        }
    }

    private Ready prepare(Claimed row, MessageBuilder builder, Instant at, AtomicReference<Stop> stop)
            throws InterruptedException {
        Delivery delivery = row.delivery();
        Optional<Subscriber> subscriber = Optional.ofNullable(row.subscriber());
        Optional<String> refusal = subscriber.isEmpty() ? Optional.of("the subscriber no longer exists")
                : composer.refusal(delivery, subscriber.get(), at);
        if (refusal.isPresent()) {
            finish(delivery, Delivery.CANCELLED, at, refusal.get());
            count(delivery, c -> c.cancelled++);
            return null;
        }
        MessageBuilder.Wire message;
        try {
            message = builder.wire(composer.compose(delivery, subscriber.get()));
        } catch (TemplateProblem e) {
            finish(delivery, Delivery.FAILED, at, "template: " + e.located());
            count(delivery, c -> c.failed++);
            return null;
        }
        // the address was checked when it was stored: only its domain is needed here
        Optional<Hold> hold = throttle.acquire(new EmailAddress(subscriber.get().email()).domain());
        if (hold.isPresent()) {
            if (hold.get().global()) {
                stop.compareAndSet(null, Stop.held(hold.get()));
            }
            recorder.record(dao -> dao.holdUntil(delivery.id(), delivery.leaseOwner(), hold.get().until(),
                    "waiting: " + hold.get().limit().reason()));
            return null;
        }
        // Nobody else may claim the row before its lease runs out. A row that waited in the queue past
        // half of its lease is handed back instead of sent: the send and its record must both finish
        // while the lease still holds, or a second sender could take the row and send it again.
        if (!clock.instant().isBefore(delivery.leaseUntil().minus(policy.lease().dividedBy(2)))) {
            recorder.record(dao -> dao.holdUntil(delivery.id(), delivery.leaseOwner(), at, "lease ran short; sent later"));
            return null;
        }
        return new Ready(delivery, message);
    }

    /** Sends a prepared row (announcing the next); throws only when the server cannot be reached at all. */
    private void transmit(Ready ready, Ready next, SmtpConnection smtp, Instant at) throws SmtpFailure {
        Delivery delivery = ready.delivery();
        MessageBuilder.Wire message = ready.message();
        MessageBuilder.Wire nextMessage = next == null ? null : next.message();
        for (int reconnects = 0; ; reconnects++) {
            try {
                smtp.send(message, nextMessage);
                while (unrecorded.size() >= UNRECORDED_PER_CONNECTION) {
                    OutcomeRecorder.await(unrecorded.removeFirst());
                }
                unrecorded.addLast(recorder.sentLater(delivery.id(), delivery.leaseOwner(), at));
                count(delivery, c -> c.sent++);
                return;
            } catch (SmtpFailure failure) {
                switch (failure.kind()) {
                    case UNREACHABLE, LOGIN_REFUSED -> throw failure;
                    case CONNECTION_LOST -> {
                        // The server may or may not have taken the message before the line dropped.
                        // Sending it again with the same Message-ID is our stated policy: a duplicate the
                        // receiving side can recognise beats a lesson lost for good.
                        if (reconnects < 2) {
                            LOG.info("connection lost while sending {}; reconnecting", delivery.messageId());
                            smtp.connect();
                            continue;
                        }
                        retryOrFail(delivery, at, failure.getMessage());
                        return;
                    }
                    case TRANSIENT -> {
                        retryOrFail(delivery, at, failure.getMessage());
                        return;
                    }
                    case RECIPIENT_REJECTED -> {
                        finish(delivery, Delivery.FAILED, at, "rejected: " + failure.getMessage());
                        synchronized (writeLock) {
                            subscribers.markBounced(delivery.subscriberId(), failure.getMessage());
                        }
                        count(delivery, c -> c.failed++);
                        return;
                    }
                    case MESSAGE_REJECTED -> {
                        finish(delivery, Delivery.FAILED, at, "rejected: " + failure.getMessage());
                        count(delivery, c -> c.failed++);
                        return;
                    }
                    default -> throw new IllegalStateException(failure.kind().name());
                }
            }
        }
    }

    private static Stop notRecorded(OutcomeRecorder.NotRecorded e) {
        return new Stop(Stop.Reason.NOT_RECORDED, e.getMessage());
    }

    private void awaitUnrecorded() {
        while (!unrecorded.isEmpty()) {
            OutcomeRecorder.await(unrecorded.removeFirst());
        }
    }

    private void retryOrFail(Delivery delivery, Instant at, String error) {
        if (delivery.attempts() >= policy.maxAttempts()) {
            finish(delivery, Delivery.FAILED, at, "gave up after " + delivery.attempts() + " attempts: " + error);
            count(delivery, c -> c.failed++);
            return;
        }
        // 1, 2, 4, 8 ... minutes, at most an hour between attempts
        Duration wait = Duration.ofMinutes(Math.min(60, 1L << Math.min(6, Math.max(0, delivery.attempts() - 1))));
        recorder.record(dao -> dao.retryLater(delivery.id(), delivery.leaseOwner(), at.plus(wait), error));
        count(delivery, c -> c.retrying++);
    }

    private void finish(Delivery delivery, String state, Instant at, String reason) {
        recorder.finish(delivery.id(), delivery.leaseOwner(), state, at, reason);
    }

    private void count(Delivery delivery, java.util.function.Consumer<SendReport.Counts> change) {
        synchronized (report) {
            change.accept(report.of(delivery.campaignId()));
        }
    }
}
