package dev.tayori.sequence;

import java.time.Instant;

/** A subscriber's place in a sequence: the next step and when it is due. */
public record Enrollment(long id, long subscriberId, String sequenceId, String state, Instant enrolledAt,
        int nextStep, Instant nextDueAt, Instant lastStepAt, int round) {
    public static final String ACTIVE = "active";
    public static final String FINISHED = "finished";
    public static final String STOPPED = "stopped";
}
