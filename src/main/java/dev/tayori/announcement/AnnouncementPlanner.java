package dev.tayori.announcement;

import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Sequence;
import dev.tayori.delivery.Planner;
import dev.tayori.delivery.SendReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/**
 * Plans scheduled announcements whose time has come: the segment's confirmed subscribers, in id
 * ranges, resumable after a crash. Later than the catch-up window, the announcement is skipped and
 * the reason recorded, rather than sent stale.
 */
public final class AnnouncementPlanner implements Planner {
    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final Predicate<String> paused;
    private final ZoneId zone;
    private final String senderDomain;
    private final int batchSize;

    public AnnouncementPlanner(Jdbi jdbi, Campaigns campaigns, Predicate<String> paused, ZoneId zone,
            String senderDomain, int batchSize) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.paused = paused;
        this.zone = zone;
        this.senderDomain = senderDomain;
        this.batchSize = batchSize;
    }

    @Override
    public void plan(Instant at, SendReport report) {
        ScheduleDao schedules = jdbi.onDemand(ScheduleDao.class);
        for (Schedule schedule : schedules.due(at)) {
            Optional<Campaign> campaign = campaigns.find(schedule.campaignId());
            if (campaign.isEmpty() || !(campaign.get() instanceof Announcement announcement)) {
                schedules.markSkipped(schedule.campaignId(), "the campaign file no longer exists");
                report.warn(schedule.campaignId() + ": scheduled, but campaigns/" + schedule.campaignId()
                        + ".yaml is gone; skipped");
                continue;
            }
            if (paused.test(announcement.id())) {
                continue; // held where it is; resuming continues with the rest
            }
            if (schedule.state().equals(Schedule.SCHEDULED)) {
                if (Duration.between(schedule.sendAt(), at).compareTo(announcement.catchUp()) > 0) {
                    schedules.markSkipped(announcement.id(), "missed: tayori was not sending from " + schedule.sendAt()
                            + " until " + at + ", more than the catch-up window of "
                            + announcement.catchUp().toHours() + " hours");
                    report.note(announcement.id() + ": skipped, its time "
                            + dev.tayori.config.Formats.local(schedule.sendAt(), zone)
                            + " passed while tayori was down, more than " + announcement.catchUp().toHours()
                            + " hours ago (the catch-up window)");
                    continue;
                }
                schedules.markPlanned(announcement.id());
            }
            report.of(announcement.id()).planned += planDeliveries(announcement, schedule, at);
        }
    }

    private int planDeliveries(Announcement announcement, Schedule schedule, Instant at) {
        String welcome = campaigns.welcomeSequence().map(Sequence::id).orElse("workbook");
        SegmentQuery segment = SegmentQuery.of(schedule.segment(), zone, welcome);
        int planned = 0;
        long afterId = schedule.plannedToId();
        while (true) {
            if (paused.test(announcement.id())) {
                return planned;
            }
            long from = afterId;
            Long upTo = jdbi.withExtension(ScheduleDao.class, dao -> dao.lastIdOfBatch(from, batchSize));
            if (upTo == null) {
                jdbi.useExtension(ScheduleDao.class, dao -> dao.plannedTo(announcement.id(), from, true));
                return planned;
            }
            planned += jdbi.inTransaction(h -> {
                ScheduleDao dao = h.attach(ScheduleDao.class);
                int n = dao.planDeliveries(segment.condition(), announcement.id(), at, schedule.sendAt(),
                        schedule.messageIdPrefix(), senderDomain, from, upTo, segment.tag(), segment.before(),
                        segment.sequenceId());
                dao.plannedTo(announcement.id(), upTo, false);
                return n;
            });
            afterId = upTo;
        }
    }
}
