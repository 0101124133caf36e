package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.SeriesIndex;

/**
 * A count of events; rolls up by sum.
 *
 * <pre>{@code
 * CountMetric tx = registry.register(MetricDefinition.count("transactions")
 *         .description("Successful payments").dimensions(channel).build());
 * AdditiveMetric.Series qr = tx.bind(Channel.QR_SCAN);
 * qr.increment();                                   // one event, now
 * tx.add(tx.series(Channel.IN_APP), 3, eventEpochMillis);
 * }</pre>
 *
 * <p>See {@link AdditiveMetric} for the bad-input rules.
 */
public final class CountMetric extends AdditiveMetric {

    CountMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index);
    }

    /** One event now. */
    public void increment(int series) {
        if (valid(series)) {
            write(pageNow(), series, 1);
        }
    }

    /** One event at {@code atMillis}. */
    public void increment(int series, long atMillis) {
        if (valid(series)) {
            write(pageAt(atMillis), series, 1);
        }
    }

    /** One event in a bucket resolved once for a multi-metric event. */
    public void increment(Bucket bucket, int series) {
        if (valid(series)) {
            write(page(bucket), series, 1);
        }
    }
}
