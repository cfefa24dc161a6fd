package dev.tayori.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes what became of each mail (sent, failed, retry later) in group commits: the outcomes that
 * arrive together share one commit, and the "sent" ones one prepared statement. A sender waits for
 * a failure or retry to be committed; a sent mail's commit it waits for only when it has
 * {@link RowSender#UNRECORDED_PER_CONNECTION} more waiting, so commits overlap the next SMTP exchanges
 * and no connection ever has more sent mails than that which are not yet recorded (the uncertain
 * window of a crash). SQLite commits cost far more than the
 * updates in them, and a single writer thread never meets SQLite's busy handler, which sleeps.
 */
final class OutcomeRecorder implements AutoCloseable {
    /** What to write: a sent row (the common case, batched) or any other change to a row. */
    private record Outcome(long sentId, String sentOwner, Instant sentAt, Consumer<DeliveryDao> other,
            CompletableFuture<Void> done) {
    }

    private static final Outcome STOP = new Outcome(0, null, null, null, new CompletableFuture<>());

    private final Jdbi jdbi;
    private final Object writeLock;
    private final BlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** How many outcomes can be on their way at once: a group that large is not waited on further. */
    private final int fullGroup;
    /** The node sending: written on each row it settles (deliveries.node_name). */
    private final String node;

    OutcomeRecorder(Jdbi jdbi, Object writeLock, int fullGroup, String node) {
        this.fullGroup = fullGroup;
        this.node = node;
        this.jdbi = jdbi;
        this.writeLock = writeLock;
        this.thread = new Thread(this::run, "outcome-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Marks the row sent in the next group commit, without waiting: the sender sends its next mails
     * meanwhile and waits (with {@link #await(CompletableFuture)}) once it has too many unrecorded.
     */
    CompletableFuture<Void> sentLater(long id, String owner, Instant at) {
        Outcome outcome = new Outcome(id, owner, at, null, new CompletableFuture<>());
        queue.add(outcome);
        return outcome.done();
    }

    /** Waits for an outcome handed over before to be committed. */
    static void await(CompletableFuture<Void> done) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotRecorded("interrupted while recording what became of a mail", e);
        } catch (ExecutionException e) {
            throw new NotRecorded("cannot record what became of the mail in the database: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Settles a row as failed or cancelled, with the reason and this node, in the next group commit. */
    void finish(long id, String owner, String state, Instant at, String reason) {
        record(dao -> dao.finish(id, owner, state, at, reason, node));
    }

    /** Writes {@code write} in the next group commit; returns once that has committed. */
    void record(Consumer<DeliveryDao> write) {
        await(new Outcome(0, null, null, write, new CompletableFuture<>()));
    }

    private void await(Outcome outcome) {
        queue.add(outcome);
        // the database could not be written (a full disk, say): the sender stops with this reason
        await(outcome.done());
    }

    /** The database refused the write: the mail went out (or not) but the row could not say so. */
    static final class NotRecorded extends RuntimeException {
        NotRecorded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private void run() {
        List<Outcome> group = new ArrayList<>();
        try (Handle handle = jdbi.open();
                java.sql.PreparedStatement markSent = handle.getConnection().prepareStatement(MARK_SENT)) {
            DeliveryDao dao = handle.attach(DeliveryDao.class);
            while (true) {
                try {
                    group.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(group, 1023);
                gather(group);
                boolean stop = group.remove(STOP);
                write(handle, dao, markSent, group);
                group.clear();
                if (stop) {
                    return;
                }
            }
        } catch (java.sql.SQLException e) {
            // cannot even prepare: every outcome waiting now or later fails, and the senders stop
            failAll(group, new IllegalStateException(e.getMessage(), e));
        }
    }

    private void failAll(List<Outcome> group, RuntimeException e) {
        group.forEach(o -> o.done().completeExceptionally(e));
        for (Outcome o; (o = queue.poll()) != null; ) {
            o.done().completeExceptionally(e);
        }
    }

    private static final String MARK_SENT = dev.tayori.db.SqlFile.of(OutcomeRecorder.class, "markSent");

    /**
     * Lets a group fill for up to a millisecond: senders do not wait on a sent mail's record until
     * their next mail has gone out, and every commit makes the other connections read their pages
     * again, so fewer, larger commits are cheaper for everyone.
     */
    private void gather(List<Outcome> group) {
        long until = System.nanoTime() + 1_000_000;
        try {
            while (group.size() < fullGroup && !group.contains(STOP)) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                Outcome more = queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                if (more == null) {
                    return;
                }
                group.add(more);
                queue.drainTo(group, 1023);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Handle handle, DeliveryDao dao, java.sql.PreparedStatement markSent, List<Outcome> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            synchronized (writeLock) {
                handle.useTransaction(h -> {
                    boolean anySent = false;
                    for (Outcome o : group) {
                        if (o.other() != null) {
                            o.other().accept(dao);
                        } else {
                            markSent.setLong(1, o.sentAt().toEpochMilli());
                            markSent.setLong(2, o.sentAt().toEpochMilli());
                            markSent.setString(3, node);
                            markSent.setLong(4, o.sentId());
                            markSent.setString(5, o.sentOwner());
                            markSent.addBatch();
                            anySent = true;
                        }
                    }
                    if (anySent) {
                        markSent.executeBatch();
                    }
                });
            }
            group.forEach(o -> o.done().complete(null));
        } catch (RuntimeException | java.sql.SQLException e) {
            group.forEach(o -> o.done().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
