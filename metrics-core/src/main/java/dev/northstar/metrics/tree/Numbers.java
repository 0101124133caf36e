package dev.northstar.metrics.tree;

import java.math.BigDecimal;

/** Short, exact-looking renderings of the numbers people type into targets and thresholds. */
final class Numbers {
    private Numbers() {
    }

    /** {@code 0.001}, {@code 5}, {@code 12.5}: up to 10 significant digits, no exponent, no trailing zeros. */
    static String plain(double v) {
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(10)).stripTrailingZeros();
        return d.toPlainString();
    }
}
