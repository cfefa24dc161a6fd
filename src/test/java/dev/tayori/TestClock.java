package dev.tayori;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, so a week of mail runs in milliseconds. */
public final class TestClock extends Clock {
    private volatile Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same hand-moved instant seen in another zone (the mails' Date header is in the sender's). */
    @Override
    public Clock withZone(ZoneId zone) {
        TestClock hands = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return hands.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return hands.withZone(other);
            }
        };
    }
}
