package dev.northstar.metrics.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test moves it. */
final class ManualClock implements InstantSource {
    private volatile long now;

    ManualClock(Instant start) {
        this.now = start.toEpochMilli();
    }

    void advance(Duration d) {
        now += d.toMillis();
    }

    @Override public long millis() {
        return now;
    }

    @Override public Instant instant() {
        return Instant.ofEpochMilli(now);
    }
}
