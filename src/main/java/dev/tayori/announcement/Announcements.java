package dev.tayori.announcement;

import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Segments;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Scheduling and unscheduling announcements; the schedule lives in the database and survives restarts.
 * The admin pages and the API schedule only ahead ({@link #scheduleAhead}) or now ({@link #sendNow}):
 * a time in the past, typed by mistake, would otherwise go out at the next minute. The command line
 * keeps {@link #schedule}, any instant, because scripts and tests run due work for a given instant.
 */
public final class Announcements {
    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final Clock clock;

    public Announcements(Jdbi jdbi, Campaigns campaigns, Clock clock) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** Any instant, past ones included (the command line). */
    public Schedule schedule(String campaignId, Instant at, String segmentOrNull) {
        String segment = segmentFor(campaignId, segmentOrNull);
        String prefix = campaignId + "-" + UUID.randomUUID().toString().substring(0, 8);
        int changed = jdbi.withExtension(ScheduleDao.class,
                dao -> dao.schedule(campaignId, at, segment, clock.instant(), prefix));
        if (changed == 0) {
            throw new AlreadySent(campaignId);
        }
        return find(campaignId).orElseThrow();
    }

    /** Only an instant after now; an earlier one is refused ({@link ScheduleRefused.Kind#IN_THE_PAST}) and nothing is written. */
    public Schedule scheduleAhead(String campaignId, Instant at, String segmentOrNull) {
        segmentFor(campaignId, segmentOrNull);
        if (!at.isAfter(clock.instant())) {
            throw new ScheduleRefused(ScheduleRefused.Kind.IN_THE_PAST, "'at' " + at + " is in the past (it is now "
                    + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "); choose a later time, or send now explicitly");
        }
        return schedule(campaignId, at, segmentOrNull);
    }

    /** Scheduled for this instant: the next run (within a minute under serve) sends it. */
    public Schedule sendNow(String campaignId, String segmentOrNull) {
        return schedule(campaignId, clock.instant(), segmentOrNull);
    }

    /** The segment a schedule would use: the one given, else the campaign file's; refused when it is not a segment. */
    public String segmentFor(String campaignId, String segmentOrNull) {
        Announcement announcement = announcement(campaignId);
        String segment = segmentOrNull != null ? segmentOrNull : announcement.segment();
        Optional<Segments.Problem> problem = Segments.check(segment);
        if (problem.isPresent()) {
            throw new ScheduleRefused(problem.get() == Segments.Problem.BAD_DATE ? ScheduleRefused.Kind.BAD_SEGMENT_DATE
                    : ScheduleRefused.Kind.UNKNOWN_SEGMENT, Segments.problem(segment));
        }
        return segment;
    }

    public boolean unschedule(String campaignId) {
        announcement(campaignId);
        return jdbi.withExtension(ScheduleDao.class, dao -> dao.unschedule(campaignId)) == 1;
    }

    public Optional<Schedule> find(String campaignId) {
        return jdbi.withExtension(ScheduleDao.class, dao -> dao.find(campaignId));
    }

    private Announcement announcement(String campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        if (!(campaign instanceof Announcement announcement)) {
            throw new ScheduleRefused(ScheduleRefused.Kind.NOT_AN_ANNOUNCEMENT, campaignId + " is a " + campaign.kind()
                    + ", not an announcement; only announcements are scheduled by hand");
        }
        return announcement;
    }
}
