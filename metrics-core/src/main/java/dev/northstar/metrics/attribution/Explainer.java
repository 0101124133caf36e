package dev.northstar.metrics.attribution;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.internal.Readings;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import dev.northstar.metrics.tree.TreeNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** The work behind {@link Attribution#explain}: reads, splits, ranks and summarises. */
final class Explainer {
    private final MetricTree tree;
    private final Readings readings;

    Explainer(MetricTree tree, Readings readings) {
        this.tree = tree;
        this.readings = readings;
    }

    Attribution explain(TreeNode node, Window window, Window comparison, boolean drill) {
        String metric = node.metric();
        OptionalDouble current = readings.value(metric, window);
        OptionalDouble prior = readings.value(metric, comparison);
        List<String> notes = new ArrayList<>();
        OptionalDouble change = OptionalDouble.empty();
        OptionalDouble relative = OptionalDouble.empty();
        Optional<FactorAttribution> factors = Optional.empty();
        List<DimensionAttribution> dimensions = new ArrayList<>();
        Optional<Attribution> drillDown = Optional.empty();
        if (current.isEmpty() || prior.isEmpty()) {
            notes.add(metric + " has no data in " + (current.isEmpty() ? "the window " + window.label()
                    : "the comparison window " + comparison.label()) + "; nothing to attribute");
        } else {
            double c = current.getAsDouble() - prior.getAsDouble();
            change = OptionalDouble.of(c);
            relative = prior.getAsDouble() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(c / Math.abs(prior.getAsDouble()));
            if (node.formula().isPresent()) {
                factors = FactorSplit.split(metric, node.formula().get(), ref -> readings.value(ref, comparison),
                        ref -> readings.value(ref, window));
                if (factors.isEmpty()) {
                    notes.add("a factor of " + metric + " has no data in one of the windows; no factor split");
                }
            }
            dimensions = dimensions(node.definition(), window, comparison, notes);
            if (drill && factors.isPresent() && factors.get().change() != 0) {
                String top = factors.get().top().metric();
                if (tree.contains(top)) {
                    drillDown = Optional.of(explain(tree.node(top), window, comparison, false));
                }
            }
        }
        // a dimension with a single segment says nothing about where the move happened
        Optional<String> best = dimensions.stream()
                .filter(d -> !d.explanatorySet().isEmpty() && d.segments().size() > 1)
                .map(DimensionAttribution::dimension).findFirst();
        Attribution a = new Attribution(metric, window, comparison, current, prior, change, relative, factors,
                dimensions, best, drillDown, notes, "");
        return a.withSummary(Summary.of(a, tree.definitions()));
    }

    private List<DimensionAttribution> dimensions(MetricDefinition<?> def, Window window, Window comparison,
                                                  List<String> notes) {
        Shape shape = shape(def);
        List<String> names = dimensionNames(def);
        List<DimensionAttribution> out = new ArrayList<>();
        if (names.isEmpty()) {
            return out;
        }
        if (shape == null) {
            notes.add(def.name() + " is a " + def.kind().name().toLowerCase()
                    + " metric, which does not add up across segments; no segment split");
            return out;
        }
        for (String dim : names) {
            Map<String, double[]> parts = new LinkedHashMap<>();
            collect(def, shape, dim, comparison, parts, 0);
            collect(def, shape, dim, window, parts, 2);
            List<Segment> segments = new ArrayList<>();
            parts.forEach((label, v) -> segments.add(new Segment(label, v[0], v[1], v[2], v[3])));
            if (shape.ratio) {
                SegmentSplit.rateMix(def.name(), dim, segments).ifPresent(out::add);
            } else {
                out.add(SegmentSplit.additive(def.name(), dim, segments));
            }
        }
        out.sort(Comparator.comparing((DimensionAttribution d) -> !d.explainsMove())
                .thenComparing(d -> -d.surprise()).thenComparing(DimensionAttribution::dimension));
        return out;
    }

    /**
     * Fills per segment label {prior numerator, prior denominator, current numerator, current
     * denominator}; a ratio's segment absent from a window has a zero denominator there.
     */
    private void collect(MetricDefinition<?> def, Shape shape, String dim, Window w, Map<String, double[]> parts,
                         int offset) {
        if (!readings.recorded(def.name(), w)) {
            return;
        }
        double absent = shape.ratio ? 0 : 1;
        for (Row row : readings.result(def.name(), w, dim).rows()) {
            String label = row.group().get(dim);
            double[] v = parts.computeIfAbsent(label, k -> new double[] {0, absent, 0, absent});
            Value value = row.value();
            if (value instanceof Value.Ratio r) {
                v[offset] = r.numerator();
                v[offset + 1] = r.denominator();
            } else if (value instanceof Value.Derived x && shape.ratio) {
                v[offset] = x.parts().getOrDefault(shape.numerator, OptionalDouble.empty()).orElse(0);
                v[offset + 1] = x.parts().getOrDefault(shape.denominator, OptionalDouble.empty()).orElse(0);
            } else {
                v[offset] = Readings.finite(value.value()).orElse(0);
            }
        }
    }

    /** How a kind splits across segments: additive, or a ratio of two additive parts; null if neither. */
    private record Shape(boolean ratio, String numerator, String denominator) {
    }

    private Shape shape(MetricDefinition<?> def) {
        MetricKind k = def.kind();
        if (additive(k)) {
            return new Shape(false, null, null);
        }
        if (k == MetricKind.RATIO) {
            return new Shape(true, null, null);
        }
        if (k == MetricKind.DERIVED) {
            Formula f = def.formula();
            if (f instanceof Formula.Quotient q && q.numerator() instanceof Formula.Ref a
                    && q.denominator() instanceof Formula.Ref b && additive(kind(a.metric())) && additive(kind(b.metric()))) {
                return new Shape(true, a.metric(), b.metric());
            }
            if ((f instanceof Formula.Sum || f instanceof Formula.Difference)
                    && f.references().stream().allMatch(r -> additive(kind(r)))) {
                return new Shape(false, null, null);
            }
        }
        return null;
    }

    private MetricKind kind(String metric) {
        MetricDefinition<?> d = readings.definition(metric);
        return d == null ? null : d.kind();
    }

    private static boolean additive(MetricKind k) {
        return k == MetricKind.COUNT || k == MetricKind.SUM || k == MetricKind.GAUGE;
    }

    /** The metric's dimensions; for a derived metric without its own, those all its operands share. */
    private List<String> dimensionNames(MetricDefinition<?> def) {
        if (!def.dimensions().isEmpty() || def.kind() != MetricKind.DERIVED) {
            return def.dimensions().stream().map(Dimension::name).toList();
        }
        Set<String> common = null;
        for (String ref : def.formula().references()) {
            MetricDefinition<?> d = readings.definition(ref);
            Set<String> mine = new LinkedHashSet<>();
            if (d != null) {
                d.dimensions().forEach(x -> mine.add(x.name()));
            }
            if (common == null) {
                common = mine;
            } else {
                common.retainAll(mine);
            }
        }
        return common == null ? List.of() : List.copyOf(common);
    }
}
