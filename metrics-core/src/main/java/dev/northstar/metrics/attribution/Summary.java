package dev.northstar.metrics.attribution;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plain-language summary of an attribution, in clauses joined by semicolons:
 * the move ("tpv −4.2% vs previous week"); the factor that explains most of it, with its share
 * (factors that tie are named together);
 * the segment that explains most, within that factor's drill-down or else the node's own best
 * dimension, with its share of the node's move; and, for ratios, whether the move is mostly mix.
 */
final class Summary {
    private Summary() {
    }

    static String of(Attribution a, Map<String, MetricDefinition<?>> definitions) {
        String name = Text.words(a.metric());
        if (a.current().isEmpty()) {
            return name + ": no data in " + a.window().label();
        }
        if (a.prior().isEmpty()) {
            return name + ": no data in the comparison window " + a.comparison().label();
        }
        String vs = " vs " + Text.comparison(a.window(), a.comparison());
        double change = a.change().orElse(0);
        if (change == 0) {
            return name + " unchanged" + vs;
        }
        List<String> clauses = new ArrayList<>();
        clauses.add(name + " " + move(unit(definitions, a.metric()), change, a.relativeChange().orElse(Double.NaN),
                a.prior().getAsDouble()) + vs);
        double scale = 1;
        Optional<Attribution> segmentSource = Optional.of(a);
        if (a.factors().isPresent()) {
            FactorContribution top = a.factors().get().top();
            double share = top.share().orElse(0);
            List<FactorContribution> tied = a.factors().get().factors().stream()
                    .filter(f -> Math.abs(f.contribution() - top.contribution()) <= 1e-9 * Math.abs(change)).toList();
            List<String> named = tied.stream().map(f -> Text.words(f.metric()) + " " + move(unit(definitions,
                    f.metric()), f.current() - f.prior(), relative(f.prior(), f.current()), f.prior())).toList();
            clauses.add(tied.size() == 1 ? named.get(0) + " explains " + Text.share(share)
                    : String.join(" and ", named) + " explain " + Text.share(share) + " each");
            if (a.drillDown().isPresent() && a.drillDown().get().bestDimension().isPresent()) {
                segmentSource = a.drillDown();
                scale = share;
            } else if (a.bestDimension().isEmpty()) {
                segmentSource = Optional.empty();
            }
        }
        if (segmentSource.isPresent() && segmentSource.get().bestDimension().isPresent()) {
            Attribution s = segmentSource.get();
            DimensionAttribution d = s.dimension(s.bestDimension().get()).orElseThrow();
            SegmentContribution top = d.segment(d.explanatorySet().get(0)).orElseThrow();
            clauses.add(segment(s.metric(), unit(definitions, s.metric()), d, top,
                    scale * top.explanatoryPower().orElse(0)));
            if (d.mostlyMix()) {
                clauses.add("mostly a mix shift across " + d.dimension() + " (mix " + Text.signedPoints(d.mixEffect())
                        + ", rate " + Text.signedPoints(d.rateEffect()) + ")");
            }
        }
        return String.join("; ", clauses);
    }

    private static String segment(String metric, Unit unit, DimensionAttribution d, SegmentContribution s,
                                  double share) {
        String where = Text.words(metric) + " in " + Text.words(d.dimension()) + " " + s.segment();
        if (d.shape() == DimensionAttribution.Shape.RATE_MIX) {
            if (s.mostlyMix() || s.prior().isEmpty() || s.current().isEmpty()) {
                return where + " share " + Text.signedPoints(s.currentShare() - s.priorShare()) + " explains "
                        + Text.share(share) + " (mix)";
            }
            return where + " " + Text.signedPoints(s.current().getAsDouble() - s.prior().getAsDouble())
                    + " explains " + Text.share(share);
        }
        double p = s.prior().orElse(0);
        double c = s.current().orElse(0);
        return where + " " + (p == 0 ? "new" : move(unit, c - p, relative(p, c), p)) + " explains " + Text.share(share);
    }

    private static Unit unit(Map<String, MetricDefinition<?>> definitions, String metric) {
        MetricDefinition<?> d = definitions.get(metric);
        return d == null ? Unit.ONE : d.unit();
    }

    private static double relative(double prior, double current) {
        return prior == 0 ? Double.NaN : (current - prior) / Math.abs(prior);
    }

    /** A ratio moves in percentage points; anything else in percent (or "new" from zero). */
    private static String move(Unit unit, double change, double relative, double prior) {
        if (unit == Unit.RATIO) {
            return Text.signedPoints(change);
        }
        return prior == 0 || !Double.isFinite(relative) ? (change > 0 ? "up from 0" : "n/a")
                : Text.signedPercent(relative);
    }
}
