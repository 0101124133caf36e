package dev.northstar.metrics.attribution;

import dev.northstar.metrics.internal.Readings;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Why a node of a {@link MetricTree} (by default the North Star) moved between a comparison
 * window and a window: its change split exactly among the factors of its formula
 * ({@link FactorSplit}) and among the segments of each of its dimensions ({@link SegmentSplit}),
 * the dimension that best explains the move (Adtributor's surprise), one level of drill-down
 * into the factor that explains most, and a short plain-language summary.
 *
 * <pre>{@code
 * Attribution why = Attribution.explain(tree, registry, Window.isoWeek(day));
 * System.out.println(why.summary());
 * // tpv −4.2% vs previous week; success rate −3.3 pp explains 81%; success rate in region east −3.1 pp explains 78%
 * why.factors().orElseThrow().factors();          // LMDI contributions, summing to the change
 * why.dimension("region").orElseThrow().segments();
 * }</pre>
 *
 * <p>Units: values and contributions are in the node's unit (minor currency units, ratio units);
 * shares and explanatory power are fractions of the change. Bad input: when either window has
 * no data (nothing recorded, a zero denominator) the values are empty, nothing is split, the
 * notes say why and the summary says "no data"; nothing is NaN and nothing throws. A dimension
 * that a metric's kind cannot split exactly (distinct counts, distributions, products) is left
 * out, with a note.
 *
 * @param metric         the node's metric name
 * @param window         the window
 * @param comparison     the comparison window
 * @param current        the node's value in the window (its unit), empty for no data
 * @param prior          its value in the comparison window
 * @param change         current − prior
 * @param relativeChange change / |prior|, empty when prior is zero
 * @param factors        the split among its formula's metrics, if it has a formula and data
 * @param dimensions     the split along each dimension it can be split by, best explanation first
 * @param bestDimension  the dimension whose explanatory set is most surprising, if any explains the move
 * @param drillDown      the attribution of the factor that explains most of the change, if any
 * @param notes          what could not be done, in plain words
 * @param summary        one or two sentences for people
 */
public record Attribution(String metric, Window window, Window comparison, OptionalDouble current,
                          OptionalDouble prior, OptionalDouble change, OptionalDouble relativeChange,
                          Optional<FactorAttribution> factors, List<DimensionAttribution> dimensions,
                          Optional<String> bestDimension, Optional<Attribution> drillDown, List<String> notes,
                          String summary) {
    /** Copies the lists. */
    public Attribution {
        dimensions = List.copyOf(dimensions);
        notes = List.copyOf(notes);
    }

    /** The North Star's move over {@code window} of the registry's data, against the previous period. */
    public static Attribution explain(MetricTree tree, MetricRegistry registry, Window window) {
        return explain(tree, registry, tree.northStar().metric(), window, window.previous());
    }

    /** The move of {@code node} over {@code window} of the registry's data, against {@code comparison}. */
    public static Attribution explain(MetricTree tree, MetricRegistry registry, String node, Window window,
                                      Window comparison) {
        Interval a = window.resolve(registry.zone());
        Interval b = comparison.resolve(registry.zone());
        Interval span = new Interval(Math.min(a.fromMillis(), b.fromMillis()), Math.max(a.toMillis(), b.toMillis()));
        Readings readings = Readings.capture(registry, tree.definitions().keySet(), span);
        return new Explainer(tree, readings).explain(tree.node(node), window, comparison, true);
    }

    /** The North Star's move over {@code window} of a snapshot's data, against {@code comparison}. */
    public static Attribution explain(MetricTree tree, Snapshot snapshot, Window window, Window comparison) {
        return explain(tree, snapshot, tree.northStar().metric(), window, comparison);
    }

    /**
     * The move of {@code node} over {@code window} of a snapshot's data, against {@code comparison}.
     *
     * @throws IllegalArgumentException if the tree has no such node, or the snapshot lacks a metric the tree reads
     */
    public static Attribution explain(MetricTree tree, Snapshot snapshot, String node, Window window,
                                      Window comparison) {
        for (String m : tree.definitions().keySet()) {
            if (snapshot.metric(m) == null) {
                throw new IllegalArgumentException("the snapshot has no metric " + m + ", which the tree reads");
            }
        }
        return new Explainer(tree, new Readings(snapshot)).explain(tree.node(node), window, comparison, true);
    }

    /** The split along a dimension. */
    public Optional<DimensionAttribution> dimension(String name) {
        return dimensions.stream().filter(d -> d.dimension().equals(name)).findFirst();
    }

    Attribution withSummary(String text) {
        return new Attribution(metric, window, comparison, current, prior, change, relativeChange, factors,
                dimensions, bestDimension, drillDown, notes, text);
    }
}
