package dev.northstar.metrics.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand; a registry built on it sees no other time. */
public final class ManualClock implements InstantSource {
    private volatile long millis;

    public ManualClock(Instant start) {
        this.millis = start.toEpochMilli();
    }

    /** Sets the time; tests only ever move it forward unless they say otherwise. */
    public void set(long epochMillis) {
        this.millis = epochMillis;
    }

    public void set(Instant instant) {
        set(instant.toEpochMilli());
    }

    public void advance(Duration d) {
        set(millis + d.toMillis());
    }

    @Override public long millis() {
        return millis;
    }

    @Override public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override public String toString() {
        return "ManualClock[" + instant() + "]";
    }
}
