package dev.northstar.metrics.micrometer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A binder's failed refreshes: counted, and logged at WARN with the exception, the first at once
 * and then at most once a minute, so a registry that keeps failing cannot flood the host's log
 * at every scrape.
 */
final class Failures {
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger logger;
    private final String binder;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong();

    Failures(Logger logger, String binder) {
        this.logger = logger;
        this.binder = binder;
    }

    /** Counts a failure of {@code what} and logs it unless one was logged in the last minute. */
    void record(String what, Throwable e) {
        long n = count.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (n == 1 || (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now))) {
            lastLog.set(now);
            try {
                logger.warn("{}: {} failed; the meters keep their last values (failures so far: {})",
                        binder, what, n, e);
            } catch (RuntimeException ignored) {
                // The logger itself is broken: the count is all that is left to tell.
            }
        }
    }

    /** Failures so far. */
    long count() {
        return count.get();
    }
}
