package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.SeriesIndex;

/**
 * A formula over other registered metrics (average ticket = TPV / transactions; stickiness =
 * DAU / MAU), evaluated at query time from their rolled-up values over the same window, filter
 * and grouping. It stores nothing and has nothing to record; every metric it refers to must be
 * registered first and have every dimension a query filters or groups by.
 *
 * <pre>{@code
 * registry.register(MetricDefinition.derived("average_ticket",
 *         Formula.ratio(Formula.ref("tpv"), Formula.ref("transactions")))
 *         .money("CNY").description("TPV per transaction").build());
 * }</pre>
 */
public final class DerivedMetric extends Metric {

    DerivedMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index, () -> {
            throw new IllegalStateException("a derived metric stores nothing");
        });
    }
}
