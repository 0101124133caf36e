package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.definition.Stakeholder;
import dev.northstar.metrics.internal.Readings;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link MetricTree} evaluated over a window against a comparison window (by default the
 * previous period of equal length): per node its value, prior value, change, whether the change is
 * good and significant, target progress and guardrail state; and a check of every exact formula
 * on the data of both windows.
 *
 * <pre>{@code
 * Window week = Window.isoWeek(LocalDate.of(2026, 11, 18));
 * Scorecard card = Scorecard.evaluate(tree, registry, week);           // vs the week before
 * Scorecard merchants = card.forStakeholder(Stakeholder.of("merchants"));
 * System.out.println(ConsoleTable.render(merchants));
 * }</pre>
 *
 * <p>A registry is read through one snapshot of the tree's metrics taken at the start, so the
 * card is consistent; a snapshot (for instance one merged from many instances) is read as is.
 * Bad input: a window with no data, a zero denominator or a value that cannot be computed gives
 * empty values and {@link Status#NO_DATA}, never NaN and never an exception. A snapshot that
 * lacks one of the tree's metrics throws {@link IllegalArgumentException} naming it.
 *
 * @param northStar  the North Star's name
 * @param window     the window evaluated
 * @param comparison the window compared against
 * @param zone       the zone the windows were cut in
 * @param stakeholder the stakeholder whose view this is, or empty for the whole tree
 * @param nodes      the nodes, depth first from the North Star
 * @param checks     formula checks: per formula node, the window then the comparison window
 * @param options    how it was evaluated
 */
public record Scorecard(String northStar, Window window, Window comparison, ZoneId zone,
                        Optional<Stakeholder> stakeholder, List<NodeScore> nodes, List<FormulaCheck> checks,
                        ScoringOptions options) {
    /** Copies the lists. */
    public Scorecard {
        nodes = List.copyOf(nodes);
        checks = List.copyOf(checks);
    }

    /** The tree over {@code window} of the registry's data, against the previous period. */
    public static Scorecard evaluate(MetricTree tree, MetricRegistry registry, Window window) {
        return evaluate(tree, registry, window, window.previous(), ScoringOptions.DEFAULTS);
    }

    /** The tree over {@code window} of the registry's data, against {@code comparison}. */
    public static Scorecard evaluate(MetricTree tree, MetricRegistry registry, Window window, Window comparison,
                                     ScoringOptions options) {
        Readings readings = new Readings(snapshot(tree, registry, window, comparison, options));
        return new Evaluator(tree, readings, options).evaluate(window, comparison);
    }

    /**
     * The one snapshot a scorecard of {@code window} against {@code comparison} reads: every
     * metric the tree reads, over both windows and the trend periods. Evaluate a scorecard and an
     * attribution over it to read the registry once for both:
     *
     * <pre>{@code
     * Snapshot data = Scorecard.snapshot(tree, registry, week, week.previous(), ScoringOptions.DEFAULTS);
     * Scorecard card = Scorecard.evaluate(tree, data, week, week.previous(), ScoringOptions.DEFAULTS);
     * Attribution why = Attribution.explain(tree, data, week, week.previous());
     * }</pre>
     */
    public static Snapshot snapshot(MetricTree tree, MetricRegistry registry, Window window, Window comparison,
                                    ScoringOptions options) {
        List<Window> windows = Evaluator.windowsRead(window, comparison, options);
        Interval span = Evaluator.span(windows, registry.zone());
        return registry.snapshot(tree.definitions().keySet(), span.fromMillis(), span.toMillis());
    }

    /** The tree over {@code window} of a snapshot's data, against the previous period. */
    public static Scorecard evaluate(MetricTree tree, Snapshot snapshot, Window window) {
        return evaluate(tree, snapshot, window, window.previous(), ScoringOptions.DEFAULTS);
    }

    /** The tree over {@code window} of a snapshot's data, against {@code comparison}. */
    public static Scorecard evaluate(MetricTree tree, Snapshot snapshot, Window window, Window comparison,
                                     ScoringOptions options) {
        for (String m : tree.definitions().keySet()) {
            if (snapshot.metric(m) == null) {
                throw new IllegalArgumentException("the snapshot has no metric " + m + ", which the tree reads");
            }
        }
        return new Evaluator(tree, new Readings(snapshot), options).evaluate(window, comparison);
    }

    /** The score of a node. */
    public NodeScore node(String metric) {
        return nodes.stream().filter(n -> n.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the scorecard has no node " + metric));
    }

    /**
     * One stakeholder's view: the North Star, and the nodes whose metrics serve that stakeholder,
     * each hung under its nearest kept ancestor; formula checks of the kept nodes.
     */
    public Scorecard forStakeholder(Stakeholder who) {
        Objects.requireNonNull(who, "stakeholder");
        Map<String, NodeScore> byName = new HashMap<>();
        nodes.forEach(n -> byName.put(n.metric(), n));
        Set<String> kept = new HashSet<>();
        for (NodeScore n : nodes) {
            if (n.depth() == 0 || n.definition().stakeholders().contains(who)) {
                kept.add(n.metric());
            }
        }
        List<NodeScore> out = new ArrayList<>();
        Map<String, Integer> depth = new HashMap<>();
        for (NodeScore n : nodes) {
            if (!kept.contains(n.metric())) {
                continue;
            }
            Optional<String> p = n.parent();
            while (p.isPresent() && !kept.contains(p.get())) {
                p = byName.get(p.get()).parent();
            }
            int d = p.map(x -> depth.get(x) + 1).orElse(0);
            depth.put(n.metric(), d);
            out.add(n.reparent(p, d));
        }
        List<FormulaCheck> keptChecks = checks.stream().filter(c -> kept.contains(c.node())).toList();
        return new Scorecard(northStar, window, comparison, zone, Optional.of(who), out, keptChecks, options);
    }
}
