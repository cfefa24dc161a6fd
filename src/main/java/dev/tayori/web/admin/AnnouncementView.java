package dev.tayori.web.admin;

import dev.tayori.announcement.Audience;
import dev.tayori.announcement.Schedule;
import dev.tayori.overview.AnnouncementStage;
import dev.tayori.overview.CampaignOverview;
import dev.tayori.overview.JapaneseTime;
import dev.tayori.overview.Tally;
import dev.tayori.overview.Words;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedule part of an announcement's page: where it stands in words, what the operator can do
 * from there (schedule or change it until the send starts, withdraw it, pause and resume a send
 * under way) and the segments to choose from, each with the readers it reaches now.
 */
final class AnnouncementView {
    private AnnouncementView() {
    }

    static Map<String, Object> of(CampaignOverview o, Audience audience, ZoneId zone, Instant now) {
        Map<String, Object> m = new HashMap<>();
        AnnouncementStage stage = o.stage();
        Schedule s = o.schedule();
        Tally t = o.tally();
        m.put("stage", stage.name());
        m.put("withdrawable", stage.withdrawable());
        // scheduling again moves a schedule that has not started; a skipped one may be scheduled anew
        m.put("schedulable", stage == AnnouncementStage.NOT_SCHEDULED || stage == AnnouncementStage.SKIPPED
                || stage.withdrawable());
        m.put("started", stage == AnnouncementStage.SENDING);
        m.put("sent", t.sent());
        m.put("toSend", t.toSend());
        m.put("failedCount", t.failed());
        m.put("scheduleLine", line(stage, s, t, zone, now));
        List<Map<String, Object>> segments = new ArrayList<>();
        for (Audience.Reach r : audience.segments()) {
            segments.add(Map.of("value", r.segment(), "words", Words.segment(r.segment()), "readers", r.readers()));
        }
        m.put("segments", segments);
        return m;
    }

    private static String line(AnnouncementStage stage, Schedule s, Tally t, ZoneId zone, Instant now) {
        return switch (stage) {
            case NOT_SCHEDULED -> "まだ予約されていません。";
            case SCHEDULED -> Words.segment(s.segment()) + "に " + JapaneseTime.dateTime(s.sendAt(), zone, now)
                    + " に送信する予約です。";
            case DUE -> "予約の時刻（" + JapaneseTime.dateTime(s.sendAt(), zone, now) + "）になりました。まもなく"
                    + Words.segment(s.segment()) + "への送信が始まります。";
            case SENDING -> Words.segment(s.segment()) + "への送信が始まっています。予約は取り消せません。止めるときは一時停止してください。";
            case SENT -> JapaneseTime.dateTime(t.lastSent(), zone, now) + " までに " + t.sent() + "人に送信しました"
                    + (t.failed() == 0 ? "。" : "（失敗 " + t.failed() + "件）。");
            case NOTHING_SENT -> JapaneseTime.dateTime(s.sendAt(), zone, now) + " の予約でしたが、"
                    + Words.segment(s.segment()) + "に該当する読者がいなかったため、送信していません。";
            case SKIPPED -> JapaneseTime.dateTime(s.sendAt(), zone, now)
                    + " の予約は、その時刻に tayori が動いていなかったため見送りました。もう一度予約できます。";
        };
    }
}
