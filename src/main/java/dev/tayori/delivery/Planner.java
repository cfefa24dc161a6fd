package dev.tayori.delivery;

import java.time.Instant;

/** Records the deliveries one kind of campaign has due at an instant. Must be safe to run twice. */
public interface Planner {
    void plan(Instant at, SendReport report);
}
