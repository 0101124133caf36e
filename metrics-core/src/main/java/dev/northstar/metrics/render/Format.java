package dev.northstar.metrics.render;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.internal.Text;
import dev.northstar.metrics.scorecard.NodeScore;
import dev.northstar.metrics.scorecard.SignificanceTest;
import java.util.Currency;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Numbers as people read them, by unit: money in major units with its currency code, ratios as
 * percentages and their changes in points, large counts shortened (12.3K, 4.56M). A missing or
 * non-finite number prints as {@code no data} (or a dash in changes), never NaN.
 */
final class Format {
    static final String NO_DATA = "no data";

    private Format() {
    }

    /** A value in the metric's unit, e.g. {@code CNY 2,420.00}, {@code 97.10%}, {@code 1.10K}. */
    static String value(MetricDefinition<?> def, OptionalDouble v) {
        if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) {
            return NO_DATA;
        }
        return value(def, v.getAsDouble(), false);
    }

    /** A signed absolute change in the metric's unit; a ratio's in percentage points. */
    static String change(MetricDefinition<?> def, OptionalDouble change) {
        if (change.isEmpty() || !Double.isFinite(change.getAsDouble())) {
            return "-";
        }
        double c = change.getAsDouble();
        if (def.unit() == Unit.RATIO) {
            return Text.signedPoints(c);
        }
        return value(def, c, true);
    }

    /** A signed relative change, e.g. {@code +21.0%}; a dash when there is none. */
    static String relative(OptionalDouble rel) {
        return rel.isEmpty() ? "-" : Text.signedPercent(rel.getAsDouble());
    }

    private static String value(MetricDefinition<?> def, double v, boolean signed) {
        String sign = !signed ? (v < 0 ? Text.MINUS : "") : v > 0 ? "+" : v < 0 ? Text.MINUS : "";
        double a = Math.abs(v);
        Unit u = def.unit();
        if (u == Unit.MINOR_UNITS) {
            int digits = fractionDigits(def.currency());
            double major = a / Math.pow(10, digits);
            return sign + def.currency() + " " + (major >= 10_000 ? compact(major) : decimals(major, digits));
        } else if (u == Unit.RATIO) {
            return sign + String.format(Locale.ROOT, "%.2f%%", a * 100);
        } else if (u == Unit.BASIS_POINTS) {
            return sign + plain(a) + " bps";
        } else if (u == Unit.MICROSECONDS) {
            return sign + plain(a) + " us";
        } else if (u == Unit.MILLISECONDS) {
            return sign + plain(a) + " ms";
        }
        return sign + plain(a);
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    private static String decimals(double v, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", v);
    }

    /** Three significant digits below 1, up to two decimals below 10,000, shortened above. */
    static String plain(double a) {
        if (a >= 10_000) {
            return compact(a);
        }
        if (a > 0 && a < 1) {
            return new java.math.BigDecimal(a).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%,.2f", a);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String compact(double a) {
        String[] suffix = {"", "K", "M", "B", "T"};
        int i = 0;
        while (a >= 1000 && i < suffix.length - 1) {
            a /= 1000;
            i++;
        }
        return (a >= 100 ? String.format(Locale.ROOT, "%.0f", a) : a >= 10 ? String.format(Locale.ROOT, "%.1f", a)
                : String.format(Locale.ROOT, "%.2f", a)) + suffix[i];
    }

    /** Two letters for a significance test, for narrow tables. */
    static String code(SignificanceTest t) {
        return switch (t) {
            case TWO_PROPORTION_Z -> "Z2";
            case POISSON_RATE -> "PO";
            case NORMAL_PER_PERIOD -> "NP";
            case SKETCH_ERROR -> "SK";
            case NONE -> "--";
        };
    }

    /** The node's goal: its target and progress, or its guardrail threshold; a dash if none. */
    static String goal(NodeScore n) {
        if (n.guardrail().isPresent()) {
            return n.guardrail().get().threshold().describe();
        }
        if (n.target().isPresent()) {
            var t = n.target().get();
            return t.target().describe() + t.progress().stream()
                    .mapToObj(p -> " (" + Text.share(p) + ")").findFirst().orElse("");
        }
        return "-";
    }

    /** {@code p = 0.031}, or a dash. */
    static String pValue(OptionalDouble p) {
        if (p.isEmpty()) {
            return "-";
        }
        double v = p.getAsDouble();
        return v < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", v);
    }
}
