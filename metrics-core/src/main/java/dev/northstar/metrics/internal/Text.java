package dev.northstar.metrics.internal;

import dev.northstar.metrics.time.Window;
import java.util.Locale;

/**
 * Plain-language number formats shared by summaries and reports: signed percentages and
 * percentage points with a true minus sign, metric names as words, and the name of a comparison.
 * Nothing here ever prints NaN: a non-finite number prints as {@code n/a}.
 */
public final class Text {
    /** The minus sign (U+2212), as typeset, not a hyphen. */
    public static final String MINUS = "\u2212";

    private Text() {
    }

    /** {@code +4.2%}, {@code −0.05%}, {@code +150%}: a fraction as a signed percentage. */
    public static String signedPercent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        double p = fraction * 100;
        return sign(p) + number(Math.abs(p)) + "%";
    }

    /** {@code −3.1 pp}: a change of a ratio (fraction units) in percentage points. */
    public static String signedPoints(double fractionChange) {
        if (!Double.isFinite(fractionChange)) {
            return "n/a";
        }
        double p = fractionChange * 100;
        return sign(p) + number(Math.abs(p)) + " pp";
    }

    /** {@code 78%}: a share as a whole percentage (one decimal below 10%). */
    public static String share(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        double p = fraction * 100;
        String s = Math.abs(p) >= 9.95 ? String.format(Locale.ROOT, "%.0f", Math.abs(p))
                : String.format(Locale.ROOT, "%.1f", Math.abs(p));
        return (p < 0 && !isZero(s) ? MINUS : "") + s + "%";
    }

    private static boolean isZero(String s) {
        return s.matches("[0.]+");
    }

    private static String sign(double v) {
        return v > 0 ? "+" : v < 0 ? MINUS : "";
    }

    /** 1 decimal from 0.1 up, two significant digits below, none from 1,000 up. */
    private static String number(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 0.1 || v == 0) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** {@code success_rate} as {@code success rate}. */
    public static String words(String metricName) {
        return metricName.replace('_', ' ');
    }

    /** How a comparison window relates to a window: {@code previous week}, {@code same day last year}. */
    public static String comparison(Window window, Window comparison) {
        String unit = unit(window);
        if (comparison.equals(window.previous())) {
            return window instanceof Window.Trailing t ? "previous " + t.days() + " days" : "previous " + unit;
        }
        if (comparison.equals(window.sameLastWeek())) {
            return "same " + unit + " last week";
        }
        if (comparison.equals(window.sameLastYear())) {
            return "same " + unit + " last year";
        }
        return comparison.label();
    }

    private static String unit(Window w) {
        if (w instanceof Window.Hour) {
            return "hour";
        } else if (w instanceof Window.Day) {
            return "day";
        } else if (w instanceof Window.Week) {
            return "week";
        } else if (w instanceof Window.Month) {
            return "month";
        }
        return "period";
    }
}
