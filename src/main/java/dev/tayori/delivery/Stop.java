package dev.tayori.delivery;

import dev.tayori.limits.Hold;

/**
 * Why a run stops before everything due is sent: a problem (the server cannot be reached, the
 * database refused a write), after which nothing more is tried, or a sending limit that is full
 * until an instant, after which what is already prepared still goes.
 */
sealed interface Stop {
    record Problem(String message) implements Stop {
    }

    record Held(Hold hold) implements Stop {
    }
}
