package dev.tayori.sequence;

import java.time.Instant;

/** An enrollment whose next step is due, with the subscriber's time zone to schedule the one after. */
public record DueStep(long enrollmentId, long subscriberId, int nextStep, Instant nextDueAt, String timeZone, int round) {
}
