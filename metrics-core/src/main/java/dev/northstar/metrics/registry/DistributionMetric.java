package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.HistogramCells;
import dev.northstar.metrics.internal.Page;
import dev.northstar.metrics.internal.SeriesIndex;

/**
 * A distribution of non-negative long values (latency in microseconds, ticket size in minor
 * units) in an HdrHistogram of the definition's precision, with the definition's
 * {@code maxValue} as highest trackable value; rolls up by histogram add.
 *
 * <pre>{@code
 * DistributionMetric latency = registry.register(MetricDefinition.distribution("authorization_latency")
 *         .unit(Unit.MICROSECONDS).direction(Direction.LOWER_IS_BETTER)
 *         .description("Time from confirm to authorization").build());
 * latency.record(latency.series(), 182_000);
 * }</pre>
 *
 * <p>A negative value or one above {@code maxValue} is refused (the histogram is never asked to
 * record it, so recording never throws). Recording allocates nothing once the series has a
 * histogram in the current bucket.
 */
public final class DistributionMetric extends Metric {

    DistributionMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index, () -> new HistogramCells(index.capacity(),
                definition.maxValue(), definition.significantDigits()));
    }

    /** Records {@code value} now. */
    public void record(int series, long value) {
        if (valid(series) && acceptable(value)) {
            write(pageNow(), series, value);
        }
    }

    /** Records {@code value} at {@code atMillis}. */
    public void record(int series, long value, long atMillis) {
        if (valid(series) && acceptable(value)) {
            write(pageAt(atMillis), series, value);
        }
    }

    /** Records {@code value} in a bucket resolved once for a multi-metric event. */
    public void record(Bucket bucket, int series, long value) {
        if (valid(series) && acceptable(value)) {
            write(page(bucket), series, value);
        }
    }

    private void write(Page page, int series, long value) {
        if (page != null) {
            ((HistogramCells) cells(page)).record(series, value);
        }
    }

    /** A handle on one series. */
    public Series bind(Object... values) {
        return new Series(series(values));
    }

    /** One series of a distribution. */
    public final class Series {
        private final int series;

        private Series(int series) {
            this.series = series;
        }

        /** Records {@code value} now. */
        public void record(long value) {
            DistributionMetric.this.record(series, value);
        }

        /** Records {@code value} at {@code atMillis}. */
        public void record(long value, long atMillis) {
            DistributionMetric.this.record(series, value, atMillis);
        }
    }
}
