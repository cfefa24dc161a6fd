package dev.tayori.delivery;

import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Sequence;
import dev.tayori.db.DatabaseException;
import dev.tayori.db.SqlFile;
import dev.tayori.sequence.DueStep;
import dev.tayori.sequence.Enrollment;
import dev.tayori.sequence.EnrollmentDao;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Records the deliveries of sequence steps due at an instant, and moves each enrollment on to its
 * next step, in one transaction per batch: a crash leaves either both or neither.
 */
public final class SequencePlanner implements Planner {
    private static final String PLAN = SqlFile.of(SequencePlanner.class, "plan");
    private static final String ADVANCE = SqlFile.of(SequencePlanner.class, "advance");

    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final String senderDomain;
    private final int batchSize;
    private final Predicate<String> paused;

    public SequencePlanner(Jdbi jdbi, Campaigns campaigns, Predicate<String> paused, String senderDomain, int batchSize) {
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
        Map<String, ZoneId> zones = new HashMap<>();
        while (true) {
            int[] batch;
            try {
                batch = jdbi.<int[], SQLException>inTransaction(h -> planBatch(h, sequence, at, zones));
            } catch (SQLException e) {
                throw new DatabaseException("cannot plan the lessons of " + sequence.id() + " due at " + at
                        + " (what was planned before is kept): " + e.getMessage(), e);
            }
            planned += batch[1];
            if (batch[0] < batchSize) {
                return planned;
            }
        }
    }

    /**
     * One batch: the due enrollments read, a delivery for each and the move to its next step written
     * through two statements prepared once and run row after row (JDBC batches). Returns how many
     * enrollments were due and how many deliveries were recorded.
     */
    private int[] planBatch(Handle h, Sequence sequence, Instant at, Map<String, ZoneId> zones) throws SQLException {
        List<DueStep> due = h.attach(EnrollmentDao.class).due(sequence.id(), at, batchSize);
        if (due.isEmpty()) {
            return new int[] {0, 0};
        }
        String prefix = MessageIds.batchPrefix();
        int mails = 0;
        try (PreparedStatement mail = h.getConnection().prepareStatement(PLAN);
                PreparedStatement move = h.getConnection().prepareStatement(ADVANCE)) {
            for (DueStep step : due) {
                // past the end: the operator shortened the sequence and this reader has had every step
                boolean beyond = step.nextStep() > sequence.size();
                boolean last = beyond || step.nextStep() == sequence.size();
                if (!beyond) {
                    String itemKey = Delivery.stepKey(step.nextStep(), step.round());
                    mail.setLong(1, step.subscriberId());
                    mail.setString(2, sequence.id());
                    mail.setString(3, itemKey);
                    mail.setInt(4, step.nextStep());
                    mail.setString(5, MessageIds.inBatch(prefix, step.subscriberId(), itemKey, sequence.id(), senderDomain));
                    mail.setLong(6, at.toEpochMilli());
                    mail.setLong(7, step.nextDueAt().toEpochMilli());
                    mail.setLong(8, at.toEpochMilli());
                    mail.addBatch();
                    mails++;
                }
                move.setInt(1, beyond ? step.nextStep() : step.nextStep() + 1);
                if (last) {
                    move.setNull(2, Types.BIGINT);
                } else {
                    ZoneId zone = zones.computeIfAbsent(step.timeZone(), ZoneId::of);
                    move.setLong(2, sequence.nextDueAfter(at, zone).toEpochMilli());
                }
                move.setString(3, last ? Enrollment.FINISHED : Enrollment.ACTIVE);
                move.setLong(4, at.toEpochMilli());
                move.setLong(5, step.enrollmentId());
                move.setInt(6, step.nextStep());
                move.addBatch();
            }
            int recorded = 0;
            if (mails > 0) {
                for (int n : mail.executeBatch()) {
                    recorded += Math.max(0, n);
                }
            }
            move.executeBatch();
            return new int[] {due.size(), recorded};
        }
    }
}
