package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.SeriesIndex;

/**
 * A sum of non-negative long values (money in minor units, durations); rolls up by sum.
 *
 * <pre>{@code
 * SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY")
 *         .description("Value of successful payments").dimensions(region).build());
 * tpv.add(tpv.series("east"), 12_50);           // 12.50 CNY, now
 * }</pre>
 *
 * <p>Amounts that go down (refunds) are sums of their own, and a net figure is a derived
 * difference. See {@link AdditiveMetric} for the bad-input rules.
 */
public final class SumMetric extends AdditiveMetric {

    SumMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index);
    }
}
