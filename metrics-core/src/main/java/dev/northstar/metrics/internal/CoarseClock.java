package dev.northstar.metrics.internal;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The default registry clock: the system time in milliseconds, read from a field that one
 * daemon thread per JVM refreshes every millisecond. Reading it is a volatile load (about a
 * nanosecond) where {@link System#currentTimeMillis()} costs tens; the price is that "now" may
 * lag the system clock by about a millisecond, so an event at a bucket boundary can land in the
 * bucket before. Events that carry their own time are unaffected.
 */
public final class CoarseClock implements InstantSource {
    private static final CoarseClock INSTANCE = new CoarseClock();

    private volatile long now = System.currentTimeMillis();

    private CoarseClock() {
        Thread ticker = new Thread(this::tick, "northstar-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** The shared instance (starting its thread on first use). */
    public static CoarseClock system() {
        return INSTANCE;
    }

    private void tick() {
        while (true) {
            now = System.currentTimeMillis();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override public long millis() {
        return now;
    }

    @Override public Instant instant() {
        return Instant.ofEpochMilli(now);
    }
}
