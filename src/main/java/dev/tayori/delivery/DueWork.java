package dev.tayori.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * "Everything due at this instant": plan from the database and the campaign files, then send what is
 * recorded. Safe to run twice for one instant, and what the scheduler runs every minute.
 */
public final class DueWork {
    private final List<Planner> planners;
    private final Outbox outbox;
    private final Jdbi jdbi;
    /** Told when a run starts, at its planning (the node's sign of life in the nodes table). */
    private final Runnable runStarting;
    private volatile boolean stopped;

    public DueWork(List<Planner> planners, Outbox outbox, Jdbi jdbi) {
        this(planners, outbox, jdbi, () -> { });
    }

    public DueWork(List<Planner> planners, Outbox outbox, Jdbi jdbi, Runnable runStarting) {
        this.planners = List.copyOf(planners);
        this.outbox = outbox;
        this.jdbi = jdbi;
        this.runStarting = runStarting;
    }

    /**
     * The process is shutting down: the run going on ends after the mails on the wire (the rest of its
     * claim is handed back), and later runs do nothing. Not synchronized: it must reach a run that holds
     * the lock.
     */
    public void stop() {
        stopped = true;
        outbox.stopTaking();
    }

    public synchronized SendReport run(Instant at) {
        SendReport report = new SendReport();
        if (stopped) {
            return report;
        }
        plan(at, report);
        send(at, report, done -> { });
        return report;
    }

    /** Records every delivery due at {@code at}, sending nothing; the report says how long it took. */
    public synchronized void plan(Instant at, SendReport report) {
        if (stopped) {
            return; // planning is safe to cut short, but a stopping node takes on nothing new
        }
        runStarting.run(); // every run of due work (serve's minute, send-due) starts by planning
        long start = System.nanoTime();
        for (Planner planner : planners) {
            planner.plan(at, report);
        }
        report.planningTook(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Sends what is recorded and due at {@code at}, telling {@code progress} how many mails were handled. */
    public synchronized void send(Instant at, SendReport report, LongConsumer progress) {
        long start = System.nanoTime();
        outbox.sendDue(at, report, progress);
        report.sendingTook(Duration.ofNanos(System.nanoTime() - start));
    }

    /** How many recorded mails a send at {@code at} would try. */
    public long waiting(Instant at) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.countDue(at));
    }

    /** Sends what is already recorded, without planning (e.g. a confirmation mail just requested). */
    public synchronized SendReport sendOnly(Instant at) {
        SendReport report = new SendReport();
        send(at, report, done -> { });
        return report;
    }
}
