package dev.tayori.overview;

import dev.tayori.config.Formats;
import dev.tayori.announcement.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Where an announcement stands, in the operator's words: scheduled, sending, sent or skipped. The
 * schedule row only knows "planned" once the time has come; whether the mail has left is in the
 * deliveries, so the counts decide between sending and sent.
 */
record AnnouncementProgress(String nextSend, String line) {
    static AnnouncementProgress of(String campaignId, Schedule s, Map<String, Integer> counts, Instant lastSent,
            Instant now, ZoneId zone) {
        String when = Formats.local(s.sendAt(), zone);
        String to = " to " + s.segment();
        if (Schedule.SCHEDULED.equals(s.state())) {
            return new AnnouncementProgress(when, "scheduled for " + when + to
                    + (s.sendAt().isAfter(now) ? "" : " (its time has come: it goes out with the next send-due)"));
        }
        if (Schedule.SKIPPED.equals(s.state())) {
            return new AnnouncementProgress("-", "skipped, was scheduled for " + when + to
                    + (s.reason() == null ? "" : " (" + Formats.localInstantsIn(s.reason(), zone) + ")")
                    + "; campaigns schedule " + campaignId + " --at INSTANT sends it after all");
        }
        int waiting = counts.getOrDefault("planned", 0) + counts.getOrDefault("sending", 0);
        int cancelled = counts.getOrDefault("cancelled", 0);
        String tally = " (" + counts.getOrDefault("sent", 0) + " sent, " + waiting + " waiting, "
                + counts.getOrDefault("failed", 0) + " failed" + (cancelled == 0 ? "" : ", " + cancelled + " cancelled")
                + ")";
        if (waiting > 0 || !s.planningDone()) {
            return new AnnouncementProgress("sending", "sending since " + when + to + tally);
        }
        if (lastSent == null) {
            return new AnnouncementProgress("-", "done, was due at " + when + to + "; no mail went out" + tally);
        }
        return new AnnouncementProgress("-", "sent at " + Formats.local(lastSent, zone) + to + tally);
    }
}
