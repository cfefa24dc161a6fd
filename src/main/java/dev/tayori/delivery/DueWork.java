package dev.tayori.delivery;

import java.time.Instant;
import java.util.List;

/**
 * "Everything due at this instant": plan from the database and the campaign files, then send what is
 * recorded. Safe to run twice for one instant, and what the scheduler runs every minute.
 */
public final class DueWork {
    private final List<Planner> planners;
    private final Outbox outbox;

    public DueWork(List<Planner> planners, Outbox outbox) {
        this.planners = List.copyOf(planners);
        this.outbox = outbox;
    }

    public synchronized SendReport run(Instant at) {
        SendReport report = new SendReport();
        for (Planner planner : planners) {
            planner.plan(at, report);
        }
        outbox.sendDue(at, report);
        return report;
    }

    /** Sends what is already recorded, without planning (e.g. a confirmation mail just requested). */
    public synchronized SendReport sendOnly(Instant at) {
        SendReport report = new SendReport();
        outbox.sendDue(at, report);
        return report;
    }
}
