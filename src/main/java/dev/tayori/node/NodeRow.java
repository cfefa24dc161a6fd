package dev.tayori.node;

import java.time.Duration;
import java.time.Instant;

/** One row of the nodes table: a process that sends, as it last said. */
public record NodeRow(String name, String instance, String command, Instant startedAt, Instant lastTickAt,
        Instant lastRunAt, String filesFingerprint, Instant stoppedAt) {

    /** What became of a node, as seen at an instant. */
    public enum State {
        /** A heartbeat within {@link Nodes#ALIVE} and not stopped. */
        ALIVE,
        /** Stopped cleanly (SIGTERM, Ctrl-C, or a send-due that ended). */
        STOPPED,
        /** Silent for longer than {@link Nodes#ALIVE} and never said it stopped: killed, crashed, cut off. */
        GONE
    }

    public State state(Instant now) {
        if (stoppedAt != null) {
            return State.STOPPED;
        }
        return lastTickAt.isBefore(now.minus(Nodes.ALIVE)) ? State.GONE : State.ALIVE;
    }

    /** How long ago the last heartbeat was, for "last tick 25 s ago". */
    public Duration silentFor(Instant now) {
        return Duration.between(lastTickAt, now).isNegative() ? Duration.ZERO : Duration.between(lastTickAt, now);
    }
}
