package dev.tayori.authoring;

import dev.tayori.authoring.AuthoringProblem.Field;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Sequence;
import dev.tayori.campaign.Step;
import dev.tayori.sequence.Enrollment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * Lessons added to a sequence in the browser, after the file's last one. Readers who have not yet
 * reached the new lesson's place (their enrollment is active) get it there, as any lesson; readers
 * who had finished get it only when the operator includes them when adding it ({@link PastReaders}),
 * the next morning. Either way nobody gets a lesson twice: each (reader, lesson, round) is one
 * delivery row. The sequences {@link Campaigns} lists are extended with these steps ({@link #extend}).
 */
public final class AddedSteps {
    private static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Whether readers who had finished the sequence get the added lesson too. */
    public enum PastReaders {
        INCLUDED("included"), LEFT_OUT("left_out");

        private final String db;

        PastReaders(String db) {
            this.db = db;
        }
    }

    /** How many readers each choice reaches now: those on their way, and those who had finished. */
    public record Reach(int onTheirWay, int finished) {
    }

    /** What adding did: the new step's number, its revision 1, and how many finished readers were given it. */
    public record Added(int step, Revision revision, int finishedReadersIncluded) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Revisions revisions;
    private volatile List<AddedStepDao.Row> known;
    private volatile long readAt;

    public AddedSteps(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.revisions = new Revisions(jdbi, clock);
    }

    /** The sequence with its added steps after the file's; read from the database at most every 5 seconds. */
    public Sequence extend(Sequence sequence) {
        List<AddedStepDao.Row> rows = known;
        if (rows == null || System.nanoTime() - readAt > LIFETIME_NANOS) {
            rows = jdbi.withExtension(AddedStepDao.class, AddedStepDao::all);
            known = rows;
            readAt = System.nanoTime();
        }
        List<Step> steps = new ArrayList<>(sequence.steps());
        for (AddedStepDao.Row row : rows) {
            // a file that grew to this number meanwhile keeps its own step (and the browser's revision of it)
            if (row.sequenceId().equals(sequence.id()) && row.step() == steps.size() + 1) {
                steps.add(new Step(row.step(), row.subject() == null ? "" : row.subject(), null, 0));
            }
        }
        return steps.size() == sequence.size() ? sequence
                : new Sequence(sequence.id(), sequence.name(), sequence.file(), sequence.sendAt(), List.copyOf(steps));
    }

    public Reach reach(Sequence sequence) {
        return jdbi.withExtension(AddedStepDao.class, dao -> new Reach(dao.countByState(sequence.id(), Enrollment.ACTIVE),
                dao.countByState(sequence.id(), Enrollment.FINISHED)));
    }

    /**
     * Adds a lesson after the last one of {@code sequence} (as {@link Campaigns} lists it), with these
     * words as its revision 1, live at once. Refused words ({@link AuthoringException}) write nothing.
     * {@code zone}: the operator's time zone, for "the next morning" of finished readers included.
     */
    public Added add(Sequence sequence, MailSource words, String note, PastReaders past, ZoneId zone) {
        List<AuthoringProblem> problems = new ArrayList<>(MarkdownMail.check(words, false).problems());
        if (note != null && note.strip().length() > 500) {
            problems.add(AuthoringProblem.of(Field.NOTE, 0, Reason.NOTE_TOO_LONG));
        }
        if (!problems.isEmpty()) {
            throw new AuthoringException(problems);
        }
        int step = sequence.size() + 1;
        Instant now = clock.instant();
        Instant nextMorning = now.atZone(zone).toLocalDate().plusDays(1).atTime(sequence.sendAt()).atZone(zone).toInstant();
        int included = jdbi.inTransaction(handle -> {
            AddedStepDao dao = handle.attach(AddedStepDao.class);
            if (dao.insert(sequence.id(), step, now, past.db) == 0) {
                throw AuthoringException.of(AuthoringProblem.of(Field.ID, 0, Reason.ID_IN_USE, sequence.id() + " step " + step));
            }
            RevisionDao revs = handle.attach(RevisionDao.class);
            revs.insertRevision(sequence.id(), step, 1, Revision.Kind.PUBLISHED.db(), words.subject(), words.preheader(),
                    words.bodyMarkdown(), note == null ? "" : note.strip(), now, null);
            revs.setLive(sequence.id(), step, 1);
            int reopened = past == PastReaders.INCLUDED ? dao.reopenFinished(sequence.id(), step, nextMorning) : 0;
            dao.setReopened(sequence.id(), step, reopened);
            return reopened;
        });
        known = null;
        return new Added(step, revisions.history(sequence.id(), step).get(0), included);
    }

    /** Whether step {@code step} of this campaign was added in the browser (it has no file template). */
    public static boolean added(Campaign campaign, int step) {
        return campaign instanceof Sequence s && step >= 1 && step <= s.size() && s.step(step).template() == null;
    }
}
