package dev.northstar.metrics.report;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.Metric;
import dev.northstar.metrics.registry.MetricRegistry;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a metric shows in a metrics backend: which kinds are exposed, the base unit that becomes a
 * name suffix, the help text, and the running totals a counter reports. {@link OpenMetricsText}
 * and the Micrometer bridge ({@code metrics-micrometer}) both read a metric through this one
 * place, so they name and split it alike.
 *
 * <pre>{@code
 * MetricDefinition<?> d = Exposition.definition(registry, "auth_latency");
 * Exposition.baseUnit(d.unit());              // Optional[milliseconds]
 * Exposition.help(tpvDefinition);             // "Value of successful payments (CNY minor units)"
 * Exposition.totals(new Value.Ratio(9, 10));  // [9, 10]: numerator, then denominator
 * }</pre>
 */
public final class Exposition {
    private Exposition() {
    }

    /**
     * Whether a kind is exposed: every kind but funnel and retention, whose values are sets of
     * steps or cohorts with no single series to scrape.
     */
    public static boolean exposed(MetricKind kind) {
        return kind != MetricKind.FUNNEL && kind != MetricKind.RETENTION;
    }

    /**
     * The definition of a registered metric.
     *
     * @throws IllegalArgumentException naming the metric, and those the registry has, when it has
     *                                  none of that name
     */
    public static MetricDefinition<?> definition(MetricRegistry registry, String name) {
        return registry.metric(name).map(Metric::definition).orElseThrow(() -> new IllegalArgumentException(
                "no metric named " + name + " is registered; registered: " + registry.definitions().stream()
                        .map(MetricDefinition::name).collect(Collectors.joining(", "))));
    }

    /**
     * The unit as backends spell a base unit in a metric name ({@code milliseconds},
     * {@code microseconds}); empty for units that are not physical (events, ids, money, ratios,
     * basis points, plain numbers), which add no suffix.
     */
    public static Optional<String> baseUnit(Unit unit) {
        if (unit == Unit.MILLISECONDS) {
            return Optional.of("milliseconds");
        }
        if (unit == Unit.MICROSECONDS) {
            return Optional.of("microseconds");
        }
        return Optional.empty();
    }

    /** The description, with the currency of money ({@code "... (CNY minor units)"}). */
    public static String help(MetricDefinition<?> definition) {
        return definition.description()
                + (definition.currency() == null ? "" : " (" + definition.currency() + " minor units)");
    }

    /**
     * The running totals a value is made of, which backends show as counters: a count's events
     * or a sum's total (one element); a ratio's numerator, then its denominator; a
     * distribution's sample count. Other kinds are levels, shown as gauges: an empty array.
     */
    public static long[] totals(Value value) {
        if (value instanceof Value.Count c) {
            return new long[] {c.count()};
        }
        if (value instanceof Value.Sum s) {
            return new long[] {s.sum()};
        }
        if (value instanceof Value.Ratio r) {
            return new long[] {r.numerator(), r.denominator()};
        }
        if (value instanceof Value.Distribution d) {
            return new long[] {d.count()};
        }
        return new long[0];
    }
}
