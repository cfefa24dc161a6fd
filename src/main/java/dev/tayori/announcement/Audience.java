package dev.tayori.announcement;

import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Segments;
import dev.tayori.campaign.Sequence;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * How many readers a segment reaches now: the same condition the planner uses ({@link SegmentQuery}),
 * counted, so the number the operator confirms is the number the planner will plan (give or take
 * readers who sign up or leave in between).
 */
public final class Audience {
    /** A segment and the confirmed readers in it now. */
    public record Reach(String segment, int readers) {
    }

    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final ZoneId zone;

    public Audience(Jdbi jdbi, Campaigns campaigns, ZoneId zone) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.zone = zone;
    }

    /** The fixed segments, then one per tag in use (tag:NAME, by name); confirmed-before takes a date and is not listed. */
    public List<Reach> segments() {
        List<Reach> all = new ArrayList<>();
        for (String fixed : Segments.FIXED) {
            all.add(new Reach(fixed, readers(fixed)));
        }
        Map<String, Integer> tags = jdbi.withExtension(ScheduleDao.class, ScheduleDao::readersPerTag);
        // a tag the import let in that no segment can name (a space in it) could not be scheduled anyway
        tags.forEach((tag, n) -> {
            if (Segments.isTagName(tag)) {
                all.add(new Reach(Segments.TAG + tag, n));
            }
        });
        return all;
    }

    /** Confirmed readers in a valid segment now (IllegalArgumentException for an invalid one). */
    public int readers(String segment) {
        if (Segments.check(segment).isPresent()) {
            throw new IllegalArgumentException(Segments.problem(segment));
        }
        String welcome = campaigns.welcomeSequence().map(Sequence::id).orElse("workbook");
        SegmentQuery q = SegmentQuery.of(segment, zone, welcome);
        return jdbi.withExtension(ScheduleDao.class,
                dao -> dao.countReaders(q.condition(), q.tag(), q.before(), q.sequenceId()));
    }
}
