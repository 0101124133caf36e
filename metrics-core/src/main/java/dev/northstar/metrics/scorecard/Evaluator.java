package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.internal.Readings;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import dev.northstar.metrics.tree.TreeNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Evaluates a tree over one set of readings: the work behind {@link Scorecard#evaluate}. */
final class Evaluator {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final MetricTree tree;
    private final Readings readings;
    private final ScoringOptions options;
    private final ZoneId zone;

    Evaluator(MetricTree tree, Readings readings, ScoringOptions options) {
        this.tree = tree;
        this.readings = readings;
        this.options = options;
        this.zone = readings.zone();
    }

    /** Every window a scorecard reads: the window, the comparison, the trend periods. */
    static List<Window> windowsRead(Window window, Window comparison, ScoringOptions options) {
        List<Window> out = new ArrayList<>(List.of(window, comparison));
        Window w = window;
        for (int i = 1; i < options.trendPeriods(); i++) {
            w = w.previous();
            out.add(w);
        }
        return out;
    }

    /** The smallest interval holding every window. */
    static Interval span(List<Window> windows, ZoneId zone) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Window w : windows) {
            Interval i = w.resolve(zone);
            from = Math.min(from, i.fromMillis());
            to = Math.max(to, i.toMillis());
        }
        return new Interval(from, to);
    }

    Scorecard evaluate(Window window, Window comparison) {
        List<NodeScore> nodes = new ArrayList<>();
        List<FormulaCheck> checks = new ArrayList<>();
        List<Window> trendWindows = trendWindows(window);
        for (TreeNode n : tree.nodes()) {
            nodes.add(score(n, window, comparison, trendWindows));
            if (n.formula().isPresent()) {
                checks.add(check(n, window));
                checks.add(check(n, comparison));
            }
        }
        return new Scorecard(tree.northStar().metric(), window, comparison, zone, Optional.empty(), nodes, checks,
                options);
    }

    private List<Window> trendWindows(Window window) {
        List<Window> out = new ArrayList<>();
        Window w = window;
        for (int i = 0; i < options.trendPeriods(); i++) {
            out.add(0, w);
            w = w.previous();
        }
        return out;
    }

    private NodeScore score(TreeNode n, Window window, Window comparison, List<Window> trendWindows) {
        MetricDefinition<?> def = n.definition();
        Reading current = new Reading(readings.value(n.metric(), window), readings.detail(n.metric(), window));
        Reading prior = new Reading(readings.value(n.metric(), comparison), readings.detail(n.metric(), comparison));
        Change change = Change.between(current.value(), prior.value(), def.direction());
        Significance significance = significance(def, current, prior, window, comparison);
        Optional<TargetProgress> target = n.target()
                .map(t -> TargetProgress.judge(t, current.value(), prior.value(), def.direction()));
        Optional<GuardrailState> guardrail = n.threshold()
                .map(t -> GuardrailState.judge(t, current.value(), change, significance, def.direction()));
        Status status;
        if (current.value().isEmpty()) {
            status = Status.NO_DATA;
        } else if (guardrail.isPresent()) {
            status = guardrail.get().status();
        } else {
            status = target.map(TargetProgress::status).orElse(Status.UNSET);
        }
        List<Trend.Point> points = new ArrayList<>();
        for (Window w : trendWindows) {
            points.add(new Trend.Point(w.label(), readings.value(n.metric(), w)));
        }
        return new NodeScore(n.metric(), n.role(), def, n.parent(), n.depth(), n.formula().map(Formula::describe),
                current, prior, change, significance, target, guardrail, status, new Trend(points));
    }

    private Significance significance(MetricDefinition<?> def, Reading current, Reading prior, Window window,
                                      Window comparison) {
        if (current.value().isEmpty() || prior.value().isEmpty()) {
            return Significance.none("no data in " + (current.value().isEmpty() ? "the window" : "the comparison window"));
        }
        double alpha = options.significanceLevel();
        if (def.kind() == MetricKind.RATIO && current.parts() instanceof Value.Ratio c
                && prior.parts() instanceof Value.Ratio p && c.numerator() <= c.denominator()
                && p.numerator() <= p.denominator()) {
            return Significance.twoProportion(c.numerator(), c.denominator(), p.numerator(), p.denominator(), alpha);
        }
        if (def.kind() == MetricKind.COUNT && current.parts() instanceof Value.Count c
                && prior.parts() instanceof Value.Count p) {
            return Significance.poisson(c.count(), window.resolve(zone).lengthMillis(), p.count(),
                    comparison.resolve(zone).lengthMillis(), alpha);
        }
        if (def.kind() == MetricKind.DISTINCT && current.parts() instanceof Value.Distinct c
                && prior.parts() instanceof Value.Distinct p) {
            return Significance.sketch(c.estimate(), c.lowerBound(), c.upperBound(), p.estimate(), p.lowerBound(),
                    p.upperBound(), alpha);
        }
        double[] now = perPeriod(def, window);
        double[] before = perPeriod(def, comparison);
        if (now == null || before == null) {
            return Significance.none("the per-period detail of a window is not retained");
        }
        return Significance.perPeriod(now, before, alpha);
    }

    /** Values per day (or per hour for a window shorter than two days), or null if not retained. */
    private double[] perPeriod(MetricDefinition<?> def, Window w) {
        List<Window> periods = periods(w);
        boolean additive = def.kind() == MetricKind.COUNT || def.kind() == MetricKind.SUM;
        List<Double> values = new ArrayList<>();
        for (Window p : periods) {
            QueryResult r = readings.result(def.name(), p);
            if (!r.coverage().complete()) {
                return null;
            }
            OptionalDouble v = readings.value(def.name(), p);
            if (v.isPresent()) {
                values.add(v.getAsDouble());
            } else if (additive) {
                values.add(0.0);                     // nothing recorded in a day is a day of zero
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<Window> periods(Window w) {
        Interval i = w.resolve(zone);
        LocalDate first = LocalDate.ofInstant(Instant.ofEpochMilli(i.fromMillis()), zone);
        LocalDate end = LocalDate.ofInstant(Instant.ofEpochMilli(i.toMillis()), zone);
        boolean wholeDays = startOf(first) == i.fromMillis() && startOf(end) == i.toMillis();
        List<Window> out = new ArrayList<>();
        if (wholeDays && end.isAfter(first.plusDays(1)) && !end.isAfter(first.plusDays(400))) {
            for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
                out.add(Window.day(d));
            }
        } else if (i.fromMillis() % HOUR == 0 && i.toMillis() % HOUR == 0 && i.lengthMillis() >= 2 * HOUR
                && i.lengthMillis() <= 50 * HOUR) {
            for (long t = i.fromMillis(); t < i.toMillis(); t += HOUR) {
                out.add(Window.hour(Instant.ofEpochMilli(t)));
            }
        }
        return out;
    }

    private long startOf(LocalDate d) {
        return d.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private FormulaCheck check(TreeNode n, Window w) {
        Formula f = n.formula().orElseThrow();
        OptionalDouble computed = Readings.finite(f.evaluate(ref -> readings.value(ref, w)));
        OptionalDouble observed = readings.value(n.metric(), w);
        if (computed.isEmpty() || observed.isEmpty()) {
            return new FormulaCheck(n.metric(), f.describe(), w, computed, observed, 0, FormulaCheck.Verdict.NO_DATA);
        }
        double c = computed.getAsDouble();
        double o = observed.getAsDouble();
        double tolerance = options.formulaTolerance() * Math.max(Math.abs(c), Math.abs(o))
                + error(f, w, 0) + error(n.metric(), w, 0);
        if (!Double.isFinite(tolerance)) {
            tolerance = 0;
        }
        FormulaCheck.Verdict v = Math.abs(c - o) <= tolerance ? FormulaCheck.Verdict.HOLDS : FormulaCheck.Verdict.FAILS;
        return new FormulaCheck(n.metric(), f.describe(), w, computed, observed, tolerance, v);
    }

    /** First-order absolute error of a metric's value in a window, from sketches and histograms. */
    private double error(String metric, Window w, int depth) {
        MetricDefinition<?> def = readings.definition(metric);
        if (def == null || depth > 32) {
            return 0;
        }
        Value v = readings.detail(metric, w);
        if (v instanceof Value.Distinct d) {
            return Math.max(0, d.upperBound() - d.lowerBound()) / 2;
        }
        if (v instanceof Value.Distribution d) {
            return Math.abs(d.value().orElse(0)) * Math.pow(10, -d.significantDigits());
        }
        if (def.kind() == MetricKind.DERIVED) {
            return error(def.formula(), w, depth + 1);
        }
        return 0;
    }

    private double error(Formula f, Window w, int depth) {
        if (f instanceof Formula.Ref r) {
            return error(r.metric(), w, depth);
        } else if (f instanceof Formula.Constant) {
            return 0;
        } else if (f instanceof Formula.Sum s) {
            double e = 0;
            for (Formula t : s.terms()) {
                e += error(t, w, depth);
            }
            return e;
        } else if (f instanceof Formula.Difference d) {
            return error(d.minuend(), w, depth) + error(d.subtrahend(), w, depth);
        }
        List<Formula> operands = f instanceof Formula.Product p ? p.factors()
                : List.of(((Formula.Quotient) f).numerator(), ((Formula.Quotient) f).denominator());
        double whole = Math.abs(f.evaluate(ref -> readings.value(ref, w)).orElse(0));
        double relative = 0;
        for (Formula o : operands) {
            double v = Math.abs(o.evaluate(ref -> readings.value(ref, w)).orElse(0));
            if (v > 0) {
                relative += error(o, w, depth) / v;
            }
        }
        return whole * relative;
    }
}
