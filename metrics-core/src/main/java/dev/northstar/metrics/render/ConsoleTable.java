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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scorecard (and optionally its attribution) as plain text for a terminal or a log, every line
 * at most {@value #WIDTH} columns: one row per node, indented under its parent, then the formula
 * checks, then the attribution.
 *
 * <pre>{@code
 * System.out.println(ConsoleTable.render(card, why));
 * }</pre>
 *
 * <p>Values are shown in the metric's unit made readable: money in major units with its
 * currency code (minor units / 10^digits), ratios as percentages with changes in percentage
 * points, large counts shortened. The SIG column is {@code yes} or {@code no} and the test's code,
 * explained under the table. Missing values print as {@code no data}; nothing prints NaN; long
 * names are cut with an ellipsis.
 */
public final class ConsoleTable {
    /** The widest line. */
    public static final int WIDTH = 120;
    private static final int[] COLUMNS = {24, 5, 12, 12, 12, 8, 4, 6, 9, 19};
    private static final String[] HEADERS = {"NODE", "ROLE", "VALUE", "PRIOR", "CHANGE", "REL", "GOOD", "SIG",
        "STATUS", "GOAL"};

    private ConsoleTable() {
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
        List<String> lines = new ArrayList<>();
        lines.add(fit("Scorecard " + card.northStar() + " | " + card.window().label() + " vs "
                + Text.comparison(card.window(), card.comparison()) + " (" + card.comparison().label() + ") | "
                + card.zone() + card.stakeholder().map(s -> " | view: " + s.name()).orElse("")));
        lines.add(row(HEADERS));
        lines.add("-".repeat(WIDTH));
        for (NodeScore n : card.nodes()) {
            lines.add(row(new String[] {
                "  ".repeat(n.depth()) + n.metric(),
                n.role().abbreviation(),
                Format.value(n.definition(), n.current().value()),
                Format.value(n.definition(), n.prior().value()),
                Format.change(n.definition(), n.change().absolute()),
                Format.relative(n.change().relative()),
                judgement(n.change().judgement()),
                (n.significance().significant() ? "yes " : "no  ") + Format.code(n.significance().test()),
                n.status().label(),
                Format.goal(n)}));
        }
        lines.add("-".repeat(WIDTH));
        lines.add(fit("SIG tests: Z2 two-proportion z, PO Poisson rate, NP normal on per-period values, SK sketch "
                + "error, -- none; alpha " + card.options().significanceLevel()));
        for (FormulaCheck c : card.checks()) {
            lines.add(fit("check " + c.node() + " = " + c.formula() + " in " + c.window().label() + ": "
                    + verdict(c)));
        }
        attribution.ifPresent(a -> attribution(card, a, lines));
        return String.join("\n", lines) + "\n";
    }

    private static String verdict(FormulaCheck c) {
        return switch (c.verdict()) {
            case HOLDS -> "holds";
            case NO_DATA -> "no data";
            case FAILS -> "FAILS by " + Format.plain(Math.abs(c.gap().orElse(0))) + " (tolerance "
                    + Format.plain(c.tolerance()) + ")";
        };
    }

    private static void attribution(Scorecard card, Attribution a, List<String> lines) {
        MetricDefinition<?> def = card.nodes().stream().filter(n -> n.metric().equals(a.metric())).findFirst()
                .<MetricDefinition<?>>map(NodeScore::definition).orElse(null);
        lines.add("");
        wrap("Why: " + a.summary(), lines);
        a.factors().ifPresent(f -> {
            lines.add(fit("  factors of " + f.metric() + " = " + f.formula() + " (" + methods(f.methods()) + "):"));
            for (FactorContribution c : f.factors()) {
                lines.add(fit(String.format("    %-28s %14s  %s", cut(c.metric(), 28), amount(def, c.contribution()),
                        c.share().isPresent() ? Text.share(c.share().getAsDouble()) + " of the change" : "")));
            }
        });
        for (DimensionAttribution d : a.dimensions()) {
            lines.add(fit("  by " + d.dimension() + (d.shape() == DimensionAttribution.Shape.RATE_MIX
                    ? " (rate " + Text.signedPoints(d.rateEffect()) + ", mix " + Text.signedPoints(d.mixEffect()) + ")"
                    : "") + (a.bestDimension().filter(d.dimension()::equals).isPresent() ? ", best explanation" : "")
                    + ", surprise " + String.format(java.util.Locale.ROOT, "%.4f", d.surprise()) + ":"));
            int shown = 0;
            for (SegmentContribution s : d.segments()) {
                if (shown++ == 3) {
                    break;
                }
                lines.add(fit(String.format("    %-28s explains %7s", cut(s.segment(), 28),
                        s.explanatoryPower().isPresent() ? Text.share(s.explanatoryPower().getAsDouble()) : "-")
                        + (s.rateEffect().isPresent() ? "  rate " + Text.signedPoints(s.rateEffect().getAsDouble())
                        + ", mix " + Text.signedPoints(s.mixEffect().orElse(0)) : "")));
            }
        }
        a.notes().forEach(n -> wrap("  note: " + n, lines));
    }

    /** A contribution in the node's unit, or a plain number when the node is not on the card. */
    private static String amount(MetricDefinition<?> def, double v) {
        if (def != null) {
            return Format.change(def, java.util.OptionalDouble.of(v));
        }
        return (v < 0 ? Text.MINUS : "+") + Format.plain(Math.abs(v));
    }

    private static String methods(List<dev.northstar.metrics.attribution.Method> methods) {
        return String.join(", ", methods.stream().map(m -> m.name().toLowerCase().replace('_', ' ')).toList());
    }

    private static String judgement(Judgement j) {
        return switch (j) {
            case GOOD -> "good";
            case BAD -> "bad";
            default -> "-";
        };
    }

    private static String row(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cut(cells[i], COLUMNS[i]);
            boolean right = i >= 2 && i <= 5;
            b.append(right ? " ".repeat(COLUMNS[i] - c.length()) + c : c + " ".repeat(COLUMNS[i] - c.length()));
            if (i < cells.length - 1) {
                b.append(' ');
            }
        }
        return b.toString().stripTrailing();
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "\u2026";
    }

    private static String fit(String s) {
        return cut(s, WIDTH);
    }

    /** Word-wraps at the width, continuation lines indented by six. */
    private static void wrap(String text, List<String> lines) {
        String rest = text;
        String indent = "";
        while (indent.length() + rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH - indent.length());
            if (cut <= 0) {
                cut = WIDTH - indent.length();
            }
            lines.add(indent + rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
            indent = "      ";
        }
        lines.add(indent + rest);
    }
}
