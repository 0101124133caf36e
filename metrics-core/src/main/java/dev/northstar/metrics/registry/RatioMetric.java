package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.LongCells;
import dev.northstar.metrics.internal.Page;
import dev.northstar.metrics.internal.SeriesIndex;

/**
 * A ratio whose numerator and denominator are recorded together (success rate = successes /
 * attempts, success rate by value = successful amount / attempted amount); each part rolls up
 * by sum and the ratio is divided only at query time.
 *
 * <pre>{@code
 * RatioMetric successRate = registry.register(MetricDefinition.ratio("payment_success_rate")
 *         .description("Successful / attempted payments").dimensions(channel).build());
 * successRate.record(successRate.series(Channel.QR_SCAN), outcome == Outcome.SUCCESS);
 * }</pre>
 *
 * <p>A reader always sees a numerator no larger than the denominator for ratios recorded with
 * {@link #record(int, boolean)} (see {@link LongCells} for why). Negative parts and parts above
 * {@code maxValue} are refused; a zero denominator makes the query result empty, never NaN.
 */
public final class RatioMetric extends Metric {

    RatioMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index, () -> new LongCells(2, index.capacity()));
    }

    /** One attempt now; {@code success} adds one to the numerator. */
    public void record(int series, boolean success) {
        if (valid(series)) {
            write(pageNow(), series, success ? 1 : 0, 1);
        }
    }

    /** One attempt at {@code atMillis}. */
    public void record(int series, boolean success, long atMillis) {
        if (valid(series)) {
            write(pageAt(atMillis), series, success ? 1 : 0, 1);
        }
    }

    /** One attempt in a bucket resolved once for a multi-metric event. */
    public void record(Bucket bucket, int series, boolean success) {
        if (valid(series)) {
            write(page(bucket), series, success ? 1 : 0, 1);
        }
    }

    /** Adds {@code numerator} and {@code denominator} now. */
    public void record(int series, long numerator, long denominator) {
        if (valid(series) && acceptable(numerator) && acceptable(denominator)) {
            write(pageNow(), series, numerator, denominator);
        }
    }

    /** Adds both parts at {@code atMillis}. */
    public void record(int series, long numerator, long denominator, long atMillis) {
        if (valid(series) && acceptable(numerator) && acceptable(denominator)) {
            write(pageAt(atMillis), series, numerator, denominator);
        }
    }

    /** Adds both parts in a bucket resolved once for a multi-metric event. */
    public void record(Bucket bucket, int series, long numerator, long denominator) {
        if (valid(series) && acceptable(numerator) && acceptable(denominator)) {
            write(page(bucket), series, numerator, denominator);
        }
    }

    private void write(Page page, int series, long numerator, long denominator) {
        if (page == null) {
            return;
        }
        // denominator first: a concurrent reader must never see the numerator ahead of it
        if (!((LongCells) cells(page)).addRatio(series, numerator, denominator)) {
            health.refuse(RefusalReason.OVERFLOW, definition.name());
        }
    }

    /** A handle on one series. */
    public Series bind(Object... values) {
        return new Series(series(values));
    }

    /** One series of a ratio. */
    public final class Series {
        private final int series;

        private Series(int series) {
            this.series = series;
        }

        /** One attempt now. */
        public void record(boolean success) {
            RatioMetric.this.record(series, success);
        }

        /** Both parts now. */
        public void record(long numerator, long denominator) {
            RatioMetric.this.record(series, numerator, denominator);
        }
    }
}
