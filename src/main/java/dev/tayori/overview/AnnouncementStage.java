package dev.tayori.overview;

import dev.tayori.announcement.Schedule;
import java.time.Instant;

/**
 * Where an announcement stands, as a type: the schedule row only knows "planned" once its time has
 * come; whether the mail has left is in the deliveries, so the tally decides between sending and sent.
 * Only SCHEDULED and DUE can still be withdrawn; from SENDING on, the operator pauses instead.
 */
public enum AnnouncementStage {
    NOT_SCHEDULED, SCHEDULED, DUE, SENDING, SENT, NOTHING_SENT, SKIPPED;

    static AnnouncementStage of(Schedule s, Tally tally, Instant now) {
        if (s == null) {
            return NOT_SCHEDULED;
        }
        if (Schedule.SCHEDULED.equals(s.state())) {
            return s.sendAt().isAfter(now) ? SCHEDULED : DUE;
        }
        if (Schedule.SKIPPED.equals(s.state())) {
            return SKIPPED;
        }
        if (tally.waiting() > 0 || !s.planningDone()) {
            return SENDING;
        }
        return tally.lastSent() == null ? NOTHING_SENT : SENT;
    }

    /** Whether unscheduling still stops it: nothing has been planned yet. */
    public boolean withdrawable() {
        return this == SCHEDULED || this == DUE;
    }
}
