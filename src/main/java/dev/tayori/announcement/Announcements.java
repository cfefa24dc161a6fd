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

/** Scheduling and unscheduling announcements; the schedule lives in the database and survives restarts. */
public final class Announcements {
    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final Clock clock;

    public Announcements(Jdbi jdbi, Campaigns campaigns, Clock clock) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public Schedule schedule(String campaignId, Instant at, String segmentOrNull) {
        Announcement announcement = announcement(campaignId);
        String segment = segmentOrNull != null ? segmentOrNull : announcement.segment();
        String problem = Segments.problem(segment);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String prefix = campaignId + "-" + UUID.randomUUID().toString().substring(0, 8);
        int changed = jdbi.withExtension(ScheduleDao.class,
                dao -> dao.schedule(campaignId, at, segment, clock.instant(), prefix));
        if (changed == 0) {
            throw new IllegalStateException(campaignId + " has already been sent (or is being sent); an announcement"
                    + " goes to each subscriber once. Copy it to a new campaign file to send it again.");
        }
        return find(campaignId).orElseThrow();
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
            throw new IllegalArgumentException(campaignId + " is a " + campaign.kind()
                    + ", not an announcement; only announcements are scheduled by hand");
        }
        return announcement;
    }
}
