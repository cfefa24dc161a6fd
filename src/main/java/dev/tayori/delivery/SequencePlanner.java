package dev.tayori.delivery;

import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Sequence;
import dev.tayori.sequence.DueStep;
import dev.tayori.sequence.Enrollment;
import dev.tayori.sequence.EnrollmentDao;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Records the deliveries of sequence steps due at an instant, and moves each enrollment on to its
 * next step, in one transaction per batch: a crash leaves either both or neither.
 */
public final class SequencePlanner implements Planner {
    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final String senderDomain;
    private final int batchSize;

    private final java.util.function.Predicate<String> paused;

    public SequencePlanner(Jdbi jdbi, Campaigns campaigns, java.util.function.Predicate<String> paused,
            String senderDomain, int batchSize) {
        this.paused = paused;
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.senderDomain = senderDomain;
        this.batchSize = batchSize;
    }

    @Override
    public void plan(Instant at, SendReport report) {
        for (Sequence sequence : campaigns.sequences()) {
            if (paused.test(sequence.id())) {
                continue; // each subscriber is held at their next step until the operator resumes
            }
            report.of(sequence.id()).planned += plan(sequence, at);
        }
    }

    /** Plans every step of {@code sequence} due at {@code at}; returns how many deliveries were recorded. */
    public int plan(Sequence sequence, Instant at) {
        int planned = 0;
        while (true) {
            int[] batch = jdbi.inTransaction(h -> {
                EnrollmentDao enrollments = h.attach(EnrollmentDao.class);
                DeliveryDao deliveries = h.attach(DeliveryDao.class);
                List<DueStep> due = enrollments.due(sequence.id(), at, batchSize);
                int recorded = 0;
                for (DueStep step : due) {
                    if (step.nextStep() > sequence.size()) {
                        // the operator shortened the sequence: this subscriber has had every step there is
                        enrollments.advance(step.enrollmentId(), step.nextStep(), step.nextStep(), null,
                                Enrollment.FINISHED, at);
                        continue;
                    }
                    recorded += deliveries.plan(step.subscriberId(), sequence.id(), Delivery.stepKey(step.nextStep(), step.round()),
                            step.nextStep(), MessageIds.next(sequence.id(), senderDomain), at, step.nextDueAt());
                    boolean last = step.nextStep() == sequence.size();
                    Instant nextDue = last ? null : sequence.nextDueAfter(at, ZoneId.of(step.timeZone()));
                    enrollments.advance(step.enrollmentId(), step.nextStep(), step.nextStep() + 1, nextDue,
                            last ? Enrollment.FINISHED : Enrollment.ACTIVE, at);
                }
                return new int[] {due.size(), recorded};
            });
            planned += batch[1];
            if (batch[0] < batchSize) {
                return planned;
            }
        }
    }
}
