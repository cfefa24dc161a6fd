package dev.tayori.web.admin;

import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Sequence;
import dev.tayori.overview.AnnouncementStage;
import dev.tayori.overview.CampaignOverview;
import dev.tayori.overview.JapaneseTime;
import dev.tayori.overview.Tally;
import dev.tayori.overview.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * A campaign as the admin pages show it, in Japanese, from the typed parts of its overview: its kind,
 * its state, its next send and its mail so far. The command line and the API keep the overview's English.
 */
final class CampaignView {
    private CampaignView() {
    }

    static Map<String, Object> of(Campaign c, CampaignOverview o, ZoneId zone, Instant now) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("kind", Words.kind(c.kind()));
        m.put("state", state(o));
        m.put("paused", o.paused());
        m.put("next", next(c, o, zone, now));
        m.put("counts", counts(o.tally(), zone, now));
        return m;
    }

    /** 「一時停止中」 first (it holds whatever the schedule says), then an announcement's stage, else 「配信中」. */
    static String state(CampaignOverview o) {
        if (o.paused()) {
            return Words.of("campaign", "paused");
        }
        return o.stage() != null ? Words.stage(o.stage()) : Words.of("campaign", "active");
    }

    static String next(Campaign c, CampaignOverview o, ZoneId zone, Instant now) {
        if (o.paused()) {
            return Words.of("campaign", "paused");
        }
        if (c instanceof Sequence s) {
            return "読者ごと（毎日 " + s.sendAt() + "）";
        }
        if (c instanceof Announcement) {
            AnnouncementStage stage = o.stage();
            if (stage == AnnouncementStage.SCHEDULED) {
                return JapaneseTime.dateTime(o.schedule().sendAt(), zone, now);
            }
            if (stage == AnnouncementStage.DUE) {
                return "まもなく（" + JapaneseTime.dateTime(o.schedule().sendAt(), zone, now) + " の予約）";
            }
            return stage == AnnouncementStage.SENDING ? Words.stage(stage) : "-";
        }
        return JapaneseTime.dateTime(o.nextAt(), zone, now);
    }

    static String counts(Tally t, ZoneId zone, Instant now) {
        return "送信済み " + t.sent() + " ・ 失敗 " + t.failed() + " ・ 送信待ち " + t.waiting()
                + (t.lastSent() == null ? "" : "（最後の送信 " + JapaneseTime.dateTime(t.lastSent(), zone, now) + "）");
    }
}
