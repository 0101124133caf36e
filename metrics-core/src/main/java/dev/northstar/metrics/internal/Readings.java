package dev.northstar.metrics.internal;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The reads of one scorecard or attribution: queries over one snapshot, each asked once, and
 * whether a metric recorded anything in a window at all (so that an empty window reads as "no
 * data" rather than as a count of zero). Not thread-safe; one per evaluation.
 */
public final class Readings {
    private final Snapshot snapshot;
    private final Map<Key, QueryResult> results = new HashMap<>();
    private final Map<Key, Boolean> recorded = new HashMap<>();
    private final Map<Key, OptionalDouble> values = new HashMap<>();

    private record Key(String metric, Window window, List<String> groupBy) {
    }

    public Readings(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** One snapshot of the named metrics (and what derived ones refer to) over {@code span}. */
    public static Readings capture(MetricRegistry registry, Collection<String> metrics, Interval span) {
        return new Readings(registry.snapshot(metrics, span.fromMillis(), span.toMillis()));
    }

    public ZoneId zone() {
        return snapshot.zone();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The metric's definition in the snapshot, or null. */
    public MetricDefinition<?> definition(String metric) {
        Snapshot.MetricData d = snapshot.metric(metric);
        return d == null ? null : d.definition();
    }

    /** The query of {@code metric} over {@code window}, grouped by {@code groupBy} (may be empty). */
    public QueryResult result(String metric, Window window, String... groupBy) {
        Key key = new Key(metric, window, List.of(groupBy));
        QueryResult r = results.get(key);
        if (r == null) {
            r = QueryEngine.run(snapshot, Query.of(metric).window(window).groupBy(groupBy));
            results.put(key, r);
        }
        return r;
    }

    /**
     * The ungrouped value of {@code metric} over {@code window}. A derived metric's value is
     * computed here from its operands' cached values (as the query engine would), so that the
     * operands' queries are shared by every node and period that reads them.
     */
    public Value detail(String metric, Window window) {
        MetricDefinition<?> def = definition(metric);
        if (def != null && def.kind() == MetricKind.DERIVED) {
            Map<String, OptionalDouble> parts = new java.util.LinkedHashMap<>();
            for (String ref : def.formula().references()) {
                parts.put(ref, value(ref, window));
            }
            return new Value.Derived(value(metric, window), parts);
        }
        return result(metric, window).value();
    }

    /**
     * The headline value, or empty when nothing was recorded in the window, an operand of a
     * derived metric has no value, or it cannot be computed (a zero denominator). Never NaN.
     */
    public OptionalDouble value(String metric, Window window) {
        Key key = new Key(metric, window, List.of());
        OptionalDouble v = values.get(key);
        if (v == null) {
            v = compute(metric, window);
            values.put(key, v);
        }
        return v;
    }

    /** Derived metrics recurse into their operands; registration order rules out cycles. */
    private OptionalDouble compute(String metric, Window window) {
        if (!recorded(metric, window)) {
            return OptionalDouble.empty();
        }
        MetricDefinition<?> def = definition(metric);
        if (def.kind() == MetricKind.DERIVED) {
            return finite(def.formula().evaluate(ref -> value(ref, window)));
        }
        return finite(result(metric, window).value().value());
    }

    /** Whether any series of {@code metric} (or, if derived, of what it refers to) has data in the window. */
    public boolean recorded(String metric, Window window) {
        Key key = new Key(metric, window, List.of());
        Boolean known = recorded.get(key);
        if (known == null) {
            known = recorded(metric, window.resolve(snapshot.zone()), 0);
            recorded.put(key, known);
        }
        return known;
    }

    private boolean recorded(String metric, Interval interval, int depth) {
        Snapshot.MetricData data = snapshot.metric(metric);
        if (data == null || depth > 64) {
            return false;
        }
        if (data.definition().kind() == MetricKind.DERIVED) {
            for (String ref : data.definition().formula().references()) {
                if (recorded(ref, interval, depth + 1)) {
                    return true;
                }
            }
            return false;
        }
        for (SeriesCells b : data.buckets()) {
            if (interval.encloses(b.startMillis(), b.endMillis()) && !b.series().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** {@code v} when finite, else empty: nothing non-finite leaves a reading. */
    public static OptionalDouble finite(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v : OptionalDouble.empty();
    }
}
