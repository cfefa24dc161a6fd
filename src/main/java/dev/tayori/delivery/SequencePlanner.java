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

    /**
     * Plans every step of {@code sequence} due at {@code at}; returns how many deliveries were recorded.
     * Each batch is two prepared statements run row after row (JDBC batches), not two statements
     * prepared per row: that is what makes a morning with 100,000 lessons due a matter of seconds.
     */
    public int plan(Sequence sequence, Instant at) {
        int planned = 0;
        java.util.Map<String, ZoneId> zones = new java.util.HashMap<>();
        while (true) {
            int[] batch = jdbi.inTransaction(h -> {
                EnrollmentDao enrollments = h.attach(EnrollmentDao.class);
                List<DueStep> due = enrollments.due(sequence.id(), at, batchSize);
                Rows mail = new Rows();
                String prefix = MessageIds.batchPrefix();
                Rows moves = new Rows();
                for (DueStep step : due) {
                    if (step.nextStep() > sequence.size()) {
                        // the operator shortened the sequence: this subscriber has had every step there is
                        moves.move(step, step.nextStep(), null, Enrollment.FINISHED);
                        continue;
                    }
                    String itemKey = Delivery.stepKey(step.nextStep(), step.round());
                    mail.mail(step, itemKey, MessageIds.inBatch(prefix, step.subscriberId(), itemKey, sequence.id(),
                            senderDomain));
                    boolean last = step.nextStep() == sequence.size();
                    ZoneId zone = zones.computeIfAbsent(step.timeZone(), ZoneId::of);
                    moves.move(step, step.nextStep() + 1, last ? null : sequence.nextDueAfter(at, zone),
                            last ? Enrollment.FINISHED : Enrollment.ACTIVE);
                }
                int recorded = 0;
                if (!mail.subscriberIds.isEmpty()) {
                    for (int n : h.attach(DeliveryDao.class).planAll(mail.subscriberIds, sequence.id(), mail.itemKeys,
                            mail.steps, mail.messageIds, at, mail.dueAts)) {
                        recorded += n;
                    }
                }
                if (!moves.ids.isEmpty()) {
                    enrollments.advanceAll(moves.ids, moves.steps, moves.nextSteps, moves.nextDueAts, moves.states, at);
                }
                return new int[] {due.size(), recorded};
            });
            planned += batch[1];
            if (batch[0] < batchSize) {
                return planned;
            }
        }
    }

    /** The columns of one batch, as the parallel lists a JDBC batch binds. */
    private static final class Rows {
        final List<Long> subscriberIds = new java.util.ArrayList<>();
        final List<String> itemKeys = new java.util.ArrayList<>();
        final List<Integer> steps = new java.util.ArrayList<>();
        final List<String> messageIds = new java.util.ArrayList<>();
        final List<Instant> dueAts = new java.util.ArrayList<>();
        final List<Long> ids = new java.util.ArrayList<>();
        final List<Integer> nextSteps = new java.util.ArrayList<>();
        final List<Instant> nextDueAts = new java.util.ArrayList<>();
        final List<String> states = new java.util.ArrayList<>();

        void mail(DueStep step, String itemKey, String messageId) {
            subscriberIds.add(step.subscriberId());
            itemKeys.add(itemKey);
            steps.add(step.nextStep());
            messageIds.add(messageId);
            dueAts.add(step.nextDueAt());
        }

        void move(DueStep step, int nextStep, Instant nextDueAt, String state) {
            ids.add(step.enrollmentId());
            steps.add(step.nextStep());
            nextSteps.add(nextStep);
            nextDueAts.add(nextDueAt);
            states.add(state);
        }
    }
}
