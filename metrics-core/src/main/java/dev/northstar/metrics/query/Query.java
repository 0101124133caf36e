package dev.northstar.metrics.query;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.registry.Metric;
import dev.northstar.metrics.time.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A question to a registry or snapshot: one metric, a window, an optional filter on dimension
 * values and an optional group-by. Immutable; each method returns a new query.
 *
 * <pre>{@code
 * Query q = Query.of("payment_success_rate")
 *         .window(Window.isoWeek(LocalDate.of(2026, 11, 18)))
 *         .where("region", "east", "north")
 *         .groupBy("channel");
 * QueryResult r = registry.query(q);
 * }</pre>
 *
 * <p>Filter values are given as the dimension's values (enum constants, strings, booleans) or
 * their labels; {@code null} selects the unknown code. A dimension the metric does not have
 * makes the query fail with {@link IllegalArgumentException} when it runs.
 */
public final class Query {
    /** Quantiles reported for distributions unless others are asked for. */
    public static final double[] DEFAULT_QUANTILES = {0.5, 0.9, 0.95, 0.99};

    private final String metric;
    private final Window window;
    private final Map<String, Set<String>> filter;
    private final List<String> groupBy;
    private final double[] quantiles;

    private Query(String metric, Window window, Map<String, Set<String>> filter, List<String> groupBy,
                  double[] quantiles) {
        this.metric = metric;
        this.window = window;
        this.filter = filter;
        this.groupBy = groupBy;
        this.quantiles = quantiles;
    }

    /** A query of the named metric; set its window before running it. */
    public static Query of(String metric) {
        return new Query(Objects.requireNonNull(metric), null, Map.of(), List.of(), DEFAULT_QUANTILES);
    }

    /** A query of a registered metric. */
    public static Query of(Metric metric) {
        return of(metric.name());
    }

    /** A query of a defined metric. */
    public static Query of(MetricDefinition<?> definition) {
        return of(definition.name());
    }

    /** The same query over another window. */
    public Query window(Window w) {
        return new Query(metric, Objects.requireNonNull(w), filter, groupBy, quantiles);
    }

    /** Keeps only series whose {@code dimension} has one of {@code values} (repeatable). */
    public Query where(String dimension, Object... values) {
        Map<String, Set<String>> f = new LinkedHashMap<>(filter);
        Set<String> labels = new LinkedHashSet<>();
        for (Object v : values) {
            labels.add(label(v));
        }
        f.merge(dimension, labels, (a, b) -> {
            Set<String> both = new LinkedHashSet<>(a);
            both.retainAll(b);
            return both;
        });
        return new Query(metric, window, Map.copyOf(f), groupBy, quantiles);
    }

    /** One result row per combination of these dimensions' values. */
    public Query groupBy(String... dimensions) {
        List<String> g = new ArrayList<>(groupBy);
        g.addAll(Arrays.asList(dimensions));
        if (new LinkedHashSet<>(g).size() != g.size()) {
            throw new IllegalArgumentException("group-by names a dimension twice: " + g);
        }
        return new Query(metric, window, filter, List.copyOf(g), quantiles);
    }

    /** The quantiles (in (0, 1]) to report for a distribution. */
    public Query quantiles(double... qs) {
        for (double q : qs) {
            if (!(q > 0 && q <= 1)) {
                throw new IllegalArgumentException("quantiles must be in (0, 1], was " + q);
            }
        }
        return new Query(metric, window, filter, groupBy, qs.clone());
    }

    /** The label a filter value stands for. */
    static String label(Object v) {
        if (v == null) {
            return Dimension.UNKNOWN;
        }
        return v instanceof Enum<?> e ? e.name() : v.toString();
    }

    public String metric() {
        return metric;
    }

    /** The window; null until set. */
    public Window window() {
        return window;
    }

    /** Allowed labels per filtered dimension. */
    public Map<String, Set<String>> filter() {
        return filter;
    }

    /** Group-by dimensions in order. */
    public List<String> groupBy() {
        return groupBy;
    }

    /** Quantiles for distributions. */
    public double[] quantiles() {
        return quantiles.clone();
    }

    @Override public String toString() {
        return metric + " over " + (window == null ? "?" : window.label())
                + (filter.isEmpty() ? "" : " where " + filter) + (groupBy.isEmpty() ? "" : " by " + groupBy);
    }
}
