package dev.tayori.overview;

import dev.tayori.config.Formats;
import dev.tayori.App;
import dev.tayori.announcement.Schedule;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.Sequence;
import dev.tayori.delivery.DeliveryDao;
import dev.tayori.newsletter.Issue;
import dev.tayori.newsletter.IssueDao;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What `campaigns list`, `campaigns show` and the admin pages say about a campaign, in the operator's
 * time zone. {@code nextAt} is the instant behind a dated {@code nextSend}, and {@code nextRank} where
 * the campaign stands in a "soonest first" list: 0 sending now, 1 dated, 2 per subscriber, 3 nothing.
 * The strings are the command line's and the API's English; the admin pages build their Japanese from
 * the typed parts ({@code paused}, {@code tally}, {@code stage}: null for campaigns that are not
 * announcements, {@code schedule}: null when there is none) with {@link Words}.
 */
public record CampaignOverview(String state, String nextSend, Instant nextAt, int nextRank, String counts,
        List<String> details, boolean paused, Tally tally, AnnouncementStage stage, Schedule schedule) {
    /** Soonest first: what is sending now, then dated sends by instant, then sequences, then the rest. */
    public static final java.util.Comparator<CampaignOverview> SOONEST_FIRST = java.util.Comparator
            .comparingInt(CampaignOverview::nextRank)
            .thenComparing(o -> o.nextAt() == null ? Instant.MAX : o.nextAt());

    public static CampaignOverview of(App app, Campaign c, Instant now) {
        ZoneId zone = app.settings().timezone();
        boolean paused = app.control().paused(c.id());
        Map<String, Integer> counts = app.jdbi().withExtension(DeliveryDao.class, dao -> dao.countsByState(c.id()));
        Instant last = app.jdbi().withExtension(DeliveryDao.class, dao -> dao.lastSentAt(c.id()));
        String next = "-";
        Instant nextAt = null;
        int rank = 3;
        List<String> details = new ArrayList<>();
        Tally tally = Tally.of(counts, last);
        AnnouncementStage stage = null;
        Schedule schedule = null;
        if (c instanceof Sequence) {
            next = "per subscriber, at " + ((Sequence) c).sendAt();
            rank = 2;
        } else if (c instanceof Newsletter n) {
            List<Issue> recent = app.jdbi().withExtension(IssueDao.class, dao -> dao.recent(n.id(), 5));
            // after `send-due --at` ran ahead of the clock, the next slot is the one after the last recorded
            Instant from = recent.stream().map(Issue::slotAt).filter(now::isBefore).max(Instant::compareTo).orElse(now);
            nextAt = n.nextSlotAfter(from);
            next = Formats.local(nextAt, zone);
            rank = 1;
            for (Issue i : recent) {
                details.add("slot " + Formats.local(i.slotAt(), zone) + "  "
                        + (Issue.PLANNED.equals(i.state()) ? "issue " + i.number()
                                : "skipped: " + Formats.localInstantsIn(i.reason(), zone)));
            }
        } else if (c instanceof Announcement) {
            Optional<Schedule> s = app.announcements().find(c.id());
            schedule = s.orElse(null);
            stage = AnnouncementStage.of(schedule, tally, now);
            if (s.isPresent()) {
                AnnouncementProgress progress = AnnouncementProgress.of(c.id(), s.get(), counts, last, now, zone);
                next = progress.nextSend();
                if ("sending".equals(next)) {
                    rank = 0;
                } else if (Schedule.SCHEDULED.equals(s.get().state())) {
                    nextAt = s.get().sendAt();
                    rank = 1;
                }
                details.add("schedule: " + progress.line());
            } else {
                details.add("schedule: not scheduled; use campaigns schedule " + c.id() + " --at INSTANT");
            }
        }
        String countText = "sent " + counts.getOrDefault("sent", 0) + ", failed " + counts.getOrDefault("failed", 0)
                + ", waiting " + (counts.getOrDefault("planned", 0) + counts.getOrDefault("sending", 0))
                + (last == null ? "" : " (last " + Formats.local(last, zone) + ")");
        if (paused) {
            next = "paused";
            nextAt = null;
            rank = 3;
        }
        return new CampaignOverview(paused ? "paused" : "active", next, nextAt, rank, countText, details, paused, tally,
                stage, schedule);
    }
}
