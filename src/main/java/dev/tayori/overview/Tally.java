package dev.tayori.overview;

import java.time.Instant;
import java.util.Map;

/** A campaign's mail so far, counted from its delivery rows; waiting is planned plus being sent. */
public record Tally(int sent, int failed, int waiting, int cancelled, Instant lastSent) {
    static Tally of(Map<String, Integer> byState, Instant lastSent) {
        return new Tally(byState.getOrDefault("sent", 0), byState.getOrDefault("failed", 0),
                byState.getOrDefault("planned", 0) + byState.getOrDefault("sending", 0),
                byState.getOrDefault("cancelled", 0), lastSent);
    }

    /** The readers this mailing goes to: sent, failed or still waiting (cancelled ones left on the way). */
    public int toSend() {
        return sent + failed + waiting;
    }
}
