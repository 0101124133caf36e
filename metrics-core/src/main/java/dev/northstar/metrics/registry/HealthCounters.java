package dev.northstar.metrics.registry;

import dev.northstar.metrics.internal.Refusals;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Live health counters; refusals log a summary at most once a minute. */
final class HealthCounters implements Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Mode mode;
    private final LongAdder[] refused = new LongAdder[RefusalReason.values().length];
    private final LongAdder late = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    HealthCounters(Mode mode) {
        this.mode = mode;
        for (int i = 0; i < refused.length; i++) {
            refused[i] = new LongAdder();
        }
    }

    @Override public void refuse(RefusalReason reason, String metric) {
        if (mode == Mode.STRICT) {
            throw new IllegalArgumentException("refused" + (metric == null ? "" : " by metric " + metric) + ": "
                    + reason);
        }
        refused[reason.ordinal()].increment();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            LOG.warn("Northstar refused events (totals so far): {}", refusedCounts());
        }
    }

    @Override public void late() {
        late.increment();
    }

    void recordedAsUnknown(String metric, Object value) {
        if (mode == Mode.STRICT) {
            throw new IllegalArgumentException("metric " + metric + ": value of unexpected type "
                    + value.getClass().getName());
        }
        unknown.increment();
    }

    Map<RefusalReason, Long> refusedCounts() {
        Map<RefusalReason, Long> out = new EnumMap<>(RefusalReason.class);
        for (RefusalReason r : RefusalReason.values()) {
            out.put(r, refused[r.ordinal()].sum());
        }
        return out;
    }

    long lateCount() {
        return late.sum();
    }

    long unknown() {
        return unknown.sum();
    }
}
