package dev.northstar.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A registry clock that moves only when a test moves it; safe to read and advance from many
 * threads.
 */
public final class ManualClock implements InstantSource {
    private final AtomicLong millis;

    public ManualClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    @Override public long millis() {
        return millis.get();
    }

    @Override public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** Sets the time (backwards too). */
    public void set(Instant instant) {
        millis.set(instant.toEpochMilli());
    }

    /** Moves the time forward by {@code d}. */
    public void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }

    /** Moves the time forward to {@code epochMillis} unless it is already later, as real time would. */
    public void advanceTo(long epochMillis) {
        millis.accumulateAndGet(epochMillis, Math::max);
    }
}
