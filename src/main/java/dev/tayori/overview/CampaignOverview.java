package dev.tayori.overview;

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

/** What `campaigns list`, `campaigns show` and the admin pages say about a campaign, in the operator's time zone. */
public record CampaignOverview(String state, String nextSend, String counts, List<String> details) {
    public static CampaignOverview of(App app, Campaign c, Instant now) {
        ZoneId zone = app.settings().timezone();
        boolean paused = app.control().paused(c.id());
        Map<String, Integer> counts = app.jdbi().withExtension(DeliveryDao.class, dao -> dao.countsByState(c.id()));
        Instant last = app.jdbi().withExtension(DeliveryDao.class, dao -> dao.lastSentAt(c.id()));
        String next = "-";
        List<String> details = new ArrayList<>();
        if (c instanceof Sequence) {
            next = "per subscriber, at " + ((Sequence) c).sendAt();
        } else if (c instanceof Newsletter n) {
            List<Issue> recent = app.jdbi().withExtension(IssueDao.class, dao -> dao.recent(n.id(), 5));
            // after `send-due --at` ran ahead of the clock, the next slot is the one after the last recorded
            Instant from = recent.stream().map(Issue::slotAt).filter(now::isBefore).max(Instant::compareTo).orElse(now);
            next = Formats.local(n.nextSlotAfter(from), zone);
            for (Issue i : recent) {
                details.add("slot " + Formats.local(i.slotAt(), zone) + "  "
                        + (Issue.PLANNED.equals(i.state()) ? "issue " + i.number()
                                : "skipped: " + Formats.localInstantsIn(i.reason(), zone)));
            }
        } else if (c instanceof Announcement) {
            Optional<Schedule> s = app.announcements().find(c.id());
            if (s.isPresent()) {
                AnnouncementProgress progress = AnnouncementProgress.of(c.id(), s.get(), counts, last, now, zone);
                next = progress.nextSend();
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
        }
        return new CampaignOverview(paused ? "paused" : "active", next, countText, details);
    }
}
