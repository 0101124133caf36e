package dev.northstar.metrics.micrometer;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.report.Exposition;
import dev.northstar.metrics.time.Window;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * One Northstar metric as meters: its plan (name, tags, which parts are counters and which are
 * gauges) and its latest reading, which every one of its meters reads from.
 */
final class ExportedMetric {
    /** What the last refresh read: levels over the chosen window, running totals per series. */
    private record Reading(Map<List<String>, Value> levels, Map<List<String>, double[]> totals) {
    }

    /** What a series absent from the window reads as: no value. */
    private static final Value NO_DATA = new Value.Gauge(0, 0, false);

    private final MetricDefinition<?> definition;
    private final String name;
    private final List<String> tagDimensions;
    private final Query query;
    private final double[] quantiles;
    private final RunningTotals totals;
    private volatile Reading reading = new Reading(Map.of(), Map.of());

    ExportedMetric(MetricRegistry registry, MetricDefinition<?> definition, String prefix, List<String> tagDimensions,
                   double[] quantiles) {
        this.definition = definition;
        this.name = prefix + definition.name();
        this.tagDimensions = List.copyOf(tagDimensions);
        this.quantiles = quantiles.clone();
        this.query = Query.of(definition).groupBy(tagDimensions.toArray(String[]::new)).quantiles(quantiles);
        this.totals = hasTotals(definition.kind()) ? new RunningTotals(registry.zone()) : null;
    }

    /** Counts, sums, a ratio's parts and a distribution's sample count only grow within a day. */
    private static boolean hasTotals(MetricKind kind) {
        return kind == MetricKind.COUNT || kind == MetricKind.SUM || kind == MetricKind.RATIO
                || kind == MetricKind.DISTRIBUTION;
    }

    /** Everything but a plain count or sum also has a level: a rate, quantiles, an estimate... */
    private boolean hasLevels() {
        return definition.kind() != MetricKind.COUNT && definition.kind() != MetricKind.SUM;
    }

    String metric() {
        return definition.name();
    }

    /**
     * Reads the registry: the levels over {@code window}; the running totals from today's
     * calendar day (the same query when the window is today), carrying ended days forward.
     */
    void refresh(MetricRegistry registry, LocalDate today, Window window) {
        Map<List<String>, Value> levels = hasLevels() ? values(registry.query(query.window(window))) : Map.of();
        Map<List<String>, double[]> counters = Map.of();
        if (totals != null) {
            Window day = Window.day(today);
            Map<List<String>, Value> todays = hasLevels() && day.equals(window) ? levels
                    : values(registry.query(query.window(day)));
            counters = totals.advance(today, totalsOf(todays),
                    gap -> totalsOf(values(registry.query(query.window(gap)))));
        }
        reading = new Reading(levels, counters);
    }

    /** The series read so far: every group seen, or the one untagged series. */
    Set<List<String>> groups() {
        Set<List<String>> out = new LinkedHashSet<>();
        if (tagDimensions.isEmpty()) {
            out.add(List.of());
        }
        Reading r = reading;
        out.addAll(r.totals().keySet());
        out.addAll(r.levels().keySet());
        return out;
    }

    /**
     * Registers the meters of one series. Each holds the Northstar registry weakly, as Micrometer
     * holds what it observes, so the meters stop reporting once the host lets the registry go.
     */
    void register(MeterRegistry meters, MetricRegistry registry, List<String> group, Tags common,
                  Refresher refresher) {
        Tags tags = common;
        for (int i = 0; i < group.size(); i++) {
            tags = tags.and(tagDimensions.get(i), group.get(i));
        }
        String help = Exposition.help(definition);
        String unit = Exposition.baseUnit(definition.unit()).orElse(null);
        switch (definition.kind()) {
            case COUNT, SUM -> counter(meters, registry, name, tags, help, unit, refresher, group, 0);
            case RATIO -> {
                gauge(meters, registry, name, tags, help, null, refresher, () -> level(group).value());
                counter(meters, registry, name + ".numerator", tags, help + ": numerator", null, refresher, group, 0);
                counter(meters, registry, name + ".denominator", tags, help + ": denominator", null, refresher, group,
                        1);
            }
            case DISTRIBUTION -> {
                for (double q : quantiles) {
                    gauge(meters, registry, name, tags.and("quantile", Double.toString(q)), help, unit, refresher,
                            () -> level(group) instanceof Value.Distribution d ? d.quantile(q) : OptionalDouble.empty());
                }
                counter(meters, registry, name + ".count", tags, help + ": samples", null, refresher, group, 0);
            }
            default -> gauge(meters, registry, name, tags, help, unit, refresher, () -> level(group).value());
        }
    }

    private Value level(List<String> group) {
        Value v = reading.levels().get(group);
        return v != null ? v : NO_DATA;
    }

    private void counter(MeterRegistry meters, MetricRegistry registry, String meter, Tags tags, String help,
                         String unit, Refresher refresher, List<String> group, int part) {
        DoubleSupplier read = () -> {
            double[] t = reading.totals().get(group);
            return t == null ? 0 : t[part];
        };
        FunctionCounter.builder(meter, registry, r -> refresher.poll(read))
                .tags(tags).description(help).baseUnit(unit).register(meters);
    }

    private static void gauge(MeterRegistry meters, MetricRegistry registry, String meter, Tags tags, String help,
                              String unit, Refresher refresher,
                              Supplier<OptionalDouble> value) {
        Gauge.builder(meter, registry, r -> refresher.poll(() -> value.get().orElse(Double.NaN)))
                .tags(tags).description(help).baseUnit(unit).register(meters);
    }

    private static Map<List<String>, Value> values(QueryResult result) {
        Map<List<String>, Value> out = new HashMap<>();
        for (Row row : result.rows()) {
            out.put(List.copyOf(row.group().values()), row.value());
        }
        return out;
    }

    private static Map<List<String>, long[]> totalsOf(Map<List<String>, Value> values) {
        Map<List<String>, long[]> out = new HashMap<>();
        values.forEach((group, value) -> out.put(group, Exposition.totals(value)));
        return out;
    }
}
