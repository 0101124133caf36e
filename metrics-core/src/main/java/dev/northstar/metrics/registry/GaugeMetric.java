package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.GaugeCells;
import dev.northstar.metrics.internal.Page;
import dev.northstar.metrics.internal.SeriesIndex;

/**
 * A level (followers, wallet balance): the last value by event time within a window, summed
 * across dimensions.
 *
 * <pre>{@code
 * GaugeMetric followers = registry.register(MetricDefinition.gauge("followers")
 *         .description("Followers of all accounts").dimensions(accountType).build());
 * followers.set(followers.series(AccountType.SERVICE), 1_204, eventEpochMillis);
 * }</pre>
 *
 * <p>Any long is accepted (a balance may be negative). A value set with an older event time
 * than the one held in its bucket is not the last value and is ignored; at equal times the
 * larger value is kept, so the outcome never depends on thread timing.
 */
public final class GaugeMetric extends Metric {

    GaugeMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index, () -> new GaugeCells(index.capacity()));
    }

    /** Sets the level now. */
    public void set(int series, long value) {
        if (valid(series)) {
            long now = store.clock().millis();
            write(pageAt(now), series, value, now);
        }
    }

    /** Sets the level as of {@code atMillis}. */
    public void set(int series, long value, long atMillis) {
        if (valid(series)) {
            write(pageAt(atMillis), series, value, atMillis);
        }
    }

    private void write(Page page, int series, long value, long atMillis) {
        if (page != null) {
            ((GaugeCells) cells(page)).set(series, value, atMillis);
        }
    }
}
