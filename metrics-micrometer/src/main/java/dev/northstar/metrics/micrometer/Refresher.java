package dev.northstar.metrics.micrometer;

import java.time.Duration;
import java.time.InstantSource;
import java.util.function.DoubleSupplier;

/**
 * Runs a binder's refresh at most once per interval of the Northstar registry's clock, from
 * whichever of its meters is polled first, so one scrape costs one evaluation however many
 * meters it reads. Meters read what the last good refresh left; nothing is ever thrown to the
 * poller: a failure is counted and logged by {@link Failures}, and a meter whose value cannot be
 * read reports NaN, Micrometer's "no value".
 */
final class Refresher {
    private final InstantSource clock;
    private final long everyMillis;
    private final Runnable refresh;
    private final Runnable afterwards;
    private final Failures failures;
    private boolean ran;
    private long lastMillis;

    /**
     * @param refresh    the evaluation, run under this refresher's lock so concurrent scrapes share it
     * @param afterwards run after the refresh, outside the lock (registering meters for new series,
     *                   which takes the meter registry's own lock)
     */
    Refresher(InstantSource clock, Duration every, Runnable refresh, Runnable afterwards, Failures failures) {
        this.clock = clock;
        this.everyMillis = every.toMillis();
        this.refresh = refresh;
        this.afterwards = afterwards;
        this.failures = failures;
    }

    /** The value {@code read} gives after a refresh if one is due; NaN if it throws. */
    double poll(DoubleSupplier read) {
        refreshIfDue();
        try {
            return read.getAsDouble();
        } catch (RuntimeException | LinkageError e) {
            failures.record("reading a meter's value", e);
            return Double.NaN;
        }
    }

    /**
     * Refreshes now, due or not, without what comes afterwards: at bind time the binder registers
     * its meters itself, so that a meter registry refusing one tells the host there and then.
     */
    void refreshNow() {
        refresh(true);
    }

    private void refreshIfDue() {
        if (refresh(false)) {
            try {
                afterwards.run();
            } catch (RuntimeException | LinkageError e) {
                failures.record("registering new series", e);
            }
        }
    }

    /** Whether a refresh was due and ran (whether or not it failed). */
    private boolean refresh(boolean force) {
        synchronized (this) {
            try {
                long now = clock.millis();
                // a clock that moved back counts as due, so a refresh is never skipped for long
                if (!force && ran && now >= lastMillis && now - lastMillis < everyMillis) {
                    return false;
                }
                ran = true;
                lastMillis = now;
                refresh.run();
            } catch (RuntimeException | LinkageError e) {
                failures.record("reading the registry", e);
            }
            return true;
        }
    }
}
