package dev.tayori.delivery;

import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Sequence;
import java.time.Instant;

/**
 * "Everything due at this instant": plan from the database and the campaign files, then send what is
 * recorded. Safe to run twice for one instant, and what the scheduler runs every minute.
 */
public final class DueWork {
    private final Campaigns campaigns;
    private final SequencePlanner sequencePlanner;
    private final Outbox outbox;

    public DueWork(Campaigns campaigns, SequencePlanner sequencePlanner, Outbox outbox) {
        this.campaigns = campaigns;
        this.sequencePlanner = sequencePlanner;
        this.outbox = outbox;
    }

    public synchronized SendReport run(Instant at) {
        SendReport report = new SendReport();
        for (Sequence sequence : campaigns.sequences()) {
            report.of(sequence.id()).planned += sequencePlanner.plan(sequence, at);
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
