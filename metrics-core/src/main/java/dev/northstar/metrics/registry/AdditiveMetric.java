package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.LongCells;
import dev.northstar.metrics.internal.Page;
import dev.northstar.metrics.internal.SeriesIndex;

/**
 * What counts and sums share: a non-negative long added into a striped cell, rolled up by sum.
 * A negative value is refused ({@link RefusalReason#NEGATIVE_VALUE}), as is one above the
 * definition's {@code maxValue} ({@link RefusalReason#VALUE_TOO_LARGE}) or one that would overflow
 * ({@link RefusalReason#OVERFLOW}). Recording allocates nothing.
 */
public abstract sealed class AdditiveMetric extends Metric permits CountMetric, SumMetric {

    AdditiveMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index, () -> new LongCells(1, index.capacity()));
    }

    /** Adds {@code value} now. */
    public final void add(int series, long value) {
        if (valid(series) && acceptable(value)) {
            write(pageNow(), series, value);
        }
    }

    /** Adds {@code value} at {@code atMillis} (epoch milliseconds). */
    public final void add(int series, long value, long atMillis) {
        if (valid(series) && acceptable(value)) {
            write(pageAt(atMillis), series, value);
        }
    }

    /** Adds {@code value} in a bucket resolved once for a multi-metric event. */
    public final void add(Bucket bucket, int series, long value) {
        if (valid(series) && acceptable(value)) {
            write(page(bucket), series, value);
        }
    }

    final void write(Page page, int series, long value) {
        if (page != null && !((LongCells) cells(page)).add(0, series, value)) {
            health.refuse(RefusalReason.OVERFLOW, definition.name());
        }
    }

    /** A handle on one series: resolve the dimension values once, record many times. */
    public final Series bind(Object... values) {
        return new Series(series(values));
    }

    /** One series of a count or sum. */
    public final class Series {
        private final int series;

        private Series(int series) {
            this.series = series;
        }

        /** Adds one now. */
        public void increment() {
            if (valid(series)) {
                write(pageNow(), series, 1);
            }
        }

        /** Adds {@code value} now. */
        public void add(long value) {
            AdditiveMetric.this.add(series, value);
        }

        /** Adds {@code value} at {@code atMillis}. */
        public void add(long value, long atMillis) {
            AdditiveMetric.this.add(series, value, atMillis);
        }
    }
}
