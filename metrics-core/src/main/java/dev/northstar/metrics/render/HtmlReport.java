package dev.northstar.metrics.render;

import dev.northstar.metrics.attribution.Attribution;
import dev.northstar.metrics.attribution.DimensionAttribution;
import dev.northstar.metrics.attribution.FactorContribution;
import dev.northstar.metrics.attribution.SegmentContribution;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.Text;
import dev.northstar.metrics.scorecard.FormulaCheck;
import dev.northstar.metrics.scorecard.Judgement;
import dev.northstar.metrics.scorecard.NodeScore;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.scorecard.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A scorecard (and optionally its attribution) as one self-contained HTML5 page: the tree with
 * each node's value, change, significance, status and goal, and an inline SVG trend line per
 * node; the formula checks; the attribution. The page has no script and loads nothing: its
 * style is inline, its font is the reader's own, so opening it makes no request to any origin.
 *
 * <pre>{@code
 * Files.writeString(Path.of("scorecard.html"), HtmlReport.render(card, why));
 * }</pre>
 *
 * <p>Values are shown as in {@link ConsoleTable} (money in major units with its currency code,
 * ratios as percentages, changes of ratios in percentage points). Every text from the data
 * (metric names, segment labels, descriptions) is escaped. Missing values read "no data", a
 * trend without data draws "no data"; nothing prints NaN.
 */
public final class HtmlReport {
    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1d2330;background:#fafbfc}",
            "h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}",
            ".sub{color:#5b6475;margin:0 0 16px}.summary{background:#fff;border-left:4px solid #3d6fd8;padding:8px 12px}",
            "ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:22px}ul.tree{padding-left:0}",
            "ul.tree li{margin:6px 0}",
            ".node{display:flex;gap:14px;align-items:center;background:#fff;border:1px solid #dde1e8;border-radius:6px;"
                    + "padding:8px 12px;border-left-width:6px}",
            ".node .id{min-width:200px}.node .name{font-weight:600}.node .role{color:#5b6475;font-size:12px}",
            ".node .value{font-size:18px;min-width:130px}.node .delta{min-width:190px}.node .meta{font-size:12px;color:#5b6475}",
            ".good{color:#137333}.bad{color:#b3261e}",
            ".ON_TRACK{border-left-color:#1e8e3e}.AT_RISK{border-left-color:#f29900}.OFF_TRACK{border-left-color:#d93025}",
            ".BREACHED{border-left-color:#a50e0e;background:#fdecea}.NO_DATA{border-left-color:#9aa0a6}.UNSET{border-left-color:#c6cad1}",
            ".badge{display:inline-block;font-size:11px;padding:1px 6px;border-radius:8px;background:#eef0f4}",
            "table{border-collapse:collapse;background:#fff}td,th{border:1px solid #dde1e8;padding:4px 8px;font-size:13px;text-align:left}",
            "td.num{text-align:right}footer{margin-top:24px;color:#8a919e;font-size:12px}");

    private HtmlReport() {
    }

    /** The scorecard alone. */
    public static String render(Scorecard card) {
        return render(card, Optional.empty());
    }

    /** The scorecard and the attribution of its North Star's move. */
    public static String render(Scorecard card, Attribution attribution) {
        return render(card, Optional.of(attribution));
    }

    private static String render(Scorecard card, Optional<Attribution> attribution) {
        StringBuilder b = new StringBuilder(16_384);
        String title = "Scorecard " + card.northStar() + " " + card.window().label();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style>\n</head>\n<body>\n");
        b.append("<h1>").append(Html.escape(Text.words(card.northStar()))).append("</h1>\n<p class=\"sub\">")
                .append(Html.escape(card.window().label() + " vs " + Text.comparison(card.window(), card.comparison())
                        + " (" + card.comparison().label() + "), " + card.zone()
                        + card.stakeholder().map(s -> ", as seen by " + s.name()).orElse("")))
                .append("</p>\n");
        attribution.ifPresent(a -> b.append("<p class=\"summary\">").append(Html.escape(a.summary())).append("</p>\n"));
        b.append("<h2>Metric tree</h2>\n");
        tree(card, b);
        checks(card, b);
        attribution.ifPresent(a -> attribution(card, a, b));
        b.append("<footer>Significance at alpha ").append(card.options().significanceLevel())
                .append(". Trends: the last ").append(card.options().trendPeriods())
                .append(" periods. Made by Northstar; this page loads nothing from anywhere.</footer>\n")
                .append("</body>\n</html>\n");
        return b.toString();
    }

    private static void tree(Scorecard card, StringBuilder b) {
        Map<String, List<NodeScore>> children = new LinkedHashMap<>();
        NodeScore root = null;
        for (NodeScore n : card.nodes()) {
            if (n.parent().isEmpty()) {
                root = n;
            } else {
                children.computeIfAbsent(n.parent().get(), k -> new ArrayList<>()).add(n);
            }
        }
        b.append("<ul class=\"tree\">\n");
        if (root != null) {
            node(root, children, b);
        }
        b.append("</ul>\n");
    }

    private static void node(NodeScore n, Map<String, List<NodeScore>> children, StringBuilder b) {
        Status s = n.status();
        String judgement = n.change().judgement() == Judgement.GOOD ? "good"
                : n.change().judgement() == Judgement.BAD ? "bad" : "";
        b.append("<li>\n<div class=\"node ").append(s.name()).append("\" id=\"node-").append(Html.escape(n.metric()))
                .append("\">");
        b.append("<div class=\"id\"><div class=\"name\">").append(Html.escape(n.metric())).append("</div>")
                .append("<div class=\"role\">").append(Html.escape(n.role().label()))
                .append(n.formula().map(f -> " = " + f).map(Html::escape).orElse("")).append("</div>")
                .append("<span class=\"badge\">").append(Html.escape(s.label())).append("</span></div>");
        b.append("<div class=\"value\" title=\"").append(Html.escape(n.definition().description())).append("\">")
                .append(Html.escape(Format.value(n.definition(), n.current().value()))).append("</div>");
        b.append("<div class=\"delta ").append(judgement).append("\">")
                .append(Html.escape(Format.relative(n.change().relative()) + " (" + Format.change(n.definition(),
                        n.change().absolute()) + ")"))
                .append("<div class=\"meta\">was ").append(Html.escape(Format.value(n.definition(), n.prior().value())))
                .append("</div></div>");
        b.append("<div class=\"meta\">").append(n.significance().significant() ? "significant" : "not significant")
                .append("<br>").append(Html.escape(n.significance().test().description() + ", "
                        + Format.pValue(n.significance().pValue())))
                .append("<br>").append(Html.escape(Format.goal(n))).append("</div>");
        b.append(Sparkline.svg(n.metric(), n.trend(), colour(s))).append("</div>\n");
        List<NodeScore> kids = children.getOrDefault(n.metric(), List.of());
        if (!kids.isEmpty()) {
            b.append("<ul>\n");
            kids.forEach(k -> node(k, children, b));
            b.append("</ul>\n");
        }
        b.append("</li>\n");
    }

    private static String colour(Status s) {
        return switch (s) {
            case ON_TRACK -> "#1e8e3e";
            case AT_RISK -> "#f29900";
            case OFF_TRACK, BREACHED -> "#d93025";
            default -> "#3d6fd8";
        };
    }

    private static void checks(Scorecard card, StringBuilder b) {
        if (card.checks().isEmpty()) {
            return;
        }
        b.append("<h2>Formula checks</h2>\n<table>\n<tr><th>node</th><th>formula</th><th>window</th>"
                + "<th>computed</th><th>observed</th><th>tolerance</th><th>verdict</th></tr>\n");
        for (FormulaCheck c : card.checks()) {
            b.append("<tr><td>").append(Html.escape(c.node())).append("</td><td>").append(Html.escape(c.formula()))
                    .append("</td><td>").append(Html.escape(c.window().label())).append("</td><td class=\"num\">")
                    .append(Html.escape(plain(c.computed()))).append("</td><td class=\"num\">")
                    .append(Html.escape(plain(c.observed()))).append("</td><td class=\"num\">")
                    .append(Html.escape(Format.plain(c.tolerance()))).append("</td><td>")
                    .append(c.verdict().name().toLowerCase().replace('_', ' ')).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static String plain(java.util.OptionalDouble v) {
        if (v.isEmpty()) {
            return Format.NO_DATA;
        }
        double d = v.getAsDouble();
        return (d < 0 ? Text.MINUS : "") + Format.plain(Math.abs(d));
    }

    private static void attribution(Scorecard card, Attribution a, StringBuilder b) {
        Map<String, MetricDefinition<?>> defs = new LinkedHashMap<>();
        card.nodes().forEach(n -> defs.put(n.metric(), n.definition()));
        MetricDefinition<?> own = defs.get(a.metric());
        b.append("<h2>Why ").append(Html.escape(a.metric())).append(" moved</h2>\n");
        a.factors().ifPresent(f -> {
            b.append("<table>\n<tr><th>factor of ").append(Html.escape(f.formula())).append("</th><th>before</th>"
                    + "<th>after</th><th>contribution</th><th>share</th></tr>\n");
            for (FactorContribution c : f.factors()) {
                b.append("<tr><td>").append(Html.escape(c.metric())).append("</td><td class=\"num\">")
                        .append(Html.escape(value(defs.get(c.metric()), OptionalDouble.of(c.prior()))))
                        .append("</td><td class=\"num\">")
                        .append(Html.escape(value(defs.get(c.metric()), OptionalDouble.of(c.current()))))
                        .append("</td><td class=\"num\">")
                        .append(Html.escape(change(own, c.contribution()))).append("</td><td class=\"num\">")
                        .append(Html.escape(c.share().isPresent() ? Text.share(c.share().getAsDouble()) : "-"))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        });
        for (DimensionAttribution d : a.dimensions()) {
            boolean ratio = d.shape() == DimensionAttribution.Shape.RATE_MIX;
            b.append("<h2>By ").append(Html.escape(d.dimension()))
                    .append(a.bestDimension().filter(d.dimension()::equals).isPresent() ? " (best explanation)" : "")
                    .append("</h2>\n<table>\n<tr><th>segment</th><th>before</th><th>after</th>")
                    .append(ratio ? "<th>rate effect</th><th>mix effect</th>" : "<th>change</th>")
                    .append("<th>explains</th><th>surprise</th></tr>\n");
            for (SegmentContribution s : d.segments()) {
                b.append("<tr><td>").append(Html.escape(s.segment())).append("</td><td class=\"num\">")
                        .append(Html.escape(ratio ? pct(s.prior()) : value(own, s.prior()))).append("</td><td class=\"num\">")
                        .append(Html.escape(ratio ? pct(s.current()) : value(own, s.current()))).append("</td>");
                if (ratio) {
                    b.append("<td class=\"num\">").append(Html.escape(Text.signedPoints(s.rateEffect().orElse(0))))
                            .append("</td><td class=\"num\">").append(Html.escape(Text.signedPoints(s.mixEffect().orElse(0))))
                            .append("</td>");
                } else {
                    b.append("<td class=\"num\">").append(Html.escape(change(own, s.contribution()))).append("</td>");
                }
                b.append("<td class=\"num\">").append(Html.escape(s.explanatoryPower().isPresent()
                        ? Text.share(s.explanatoryPower().getAsDouble()) : "-")).append("</td><td class=\"num\">")
                        .append(String.format(java.util.Locale.ROOT, "%.4f", s.surprise())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        for (String note : a.notes()) {
            b.append("<p class=\"sub\">").append(Html.escape(note)).append("</p>\n");
        }
    }

    /** A value in the metric's unit, or plain when the metric is not on the card. */
    private static String value(MetricDefinition<?> def, OptionalDouble v) {
        return def == null ? plain(v) : Format.value(def, v);
    }

    /** A signed change in the metric's unit, or plain when the metric is not on the card. */
    private static String change(MetricDefinition<?> def, double v) {
        return def == null ? (v > 0 ? "+" : "") + plain(OptionalDouble.of(v)) : Format.change(def, OptionalDouble.of(v));
    }

    private static String pct(java.util.OptionalDouble v) {
        return v.isEmpty() ? Format.NO_DATA : String.format(java.util.Locale.ROOT, "%.2f%%", v.getAsDouble() * 100);
    }
}
