package dev.northstar.metrics.attribution;

/**
 * The logarithmic mean Divisia index (LMDI-I) for products: the change of {@code V = x1 × ... × xn}
 * between two windows splits exactly, with no residual, into
 * {@code ΔV_i = L(V1, V0) × ln(x_i1 / x_i0)}, where {@code L(a, b) = (a − b) / (ln a − ln b)} is
 * the logarithmic mean. A ratio is a product with the denominator's exponent −1.
 *
 * <pre>{@code
 * double[] c = Lmdi.product(new double[] {1000, 2.0}, new double[] {1100, 2.2});
 * // payers +10%, tx per payer +10%: product 2000 -> 2420; c = {210, 210}
 * }</pre>
 *
 * <p>Source: B. W. Ang, "The LMDI approach to decomposition analysis: a practical guide",
 * <i>Energy Policy</i> 33 (2005) 867–871; zero values: B. W. Ang and N. Liu, "Handling zero values
 * in the logarithmic mean Divisia index decomposition approach", <i>Energy Policy</i> 35 (2007)
 * 238–246. Where a factor is zero in one window the contributions are the analytic limit as that
 * value tends to zero: the factors that were zero share the whole change equally, the others
 * contribute nothing.
 *
 * <p>Floating-point rounding leaves a residual of the order of 1e-16 of the values; it is spread
 * over the factors in proportion to their contributions, so the sum equals the change to rounding.
 *
 * <p>Bad input: negative, NaN or infinite values, or arrays of different lengths, throw
 * {@link IllegalArgumentException}.
 */
public final class Lmdi {
    private Lmdi() {
    }

    /**
     * The logarithmic mean of two non-negative numbers: {@code (a − b) / (ln a − ln b)}, with its
     * limits {@code L(a, a) = a} and {@code L(a, 0) = 0}.
     */
    public static double logMean(double a, double b) {
        if (!(a >= 0) || !(b >= 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("the logarithmic mean needs finite non-negative numbers, was "
                    + a + ", " + b);
        }
        if (a == b) {
            return a;
        }
        if (a == 0 || b == 0) {
            return 0;
        }
        double d = a - b;
        return d / Math.log1p(d / b);          // ln(a/b) = log1p((a-b)/b): accurate when a is close to b
    }

    /**
     * The contributions of each factor to the change of their product from {@code prior} to
     * {@code current}; they sum to {@code Π current − Π prior}.
     */
    public static double[] product(double[] prior, double[] current) {
        if (prior.length != current.length || prior.length == 0) {
            throw new IllegalArgumentException("prior and current need the same, non-zero number of factors");
        }
        for (int i = 0; i < prior.length; i++) {
            if (!(prior[i] >= 0) || !(current[i] >= 0) || !Double.isFinite(prior[i]) || !Double.isFinite(current[i])) {
                throw new IllegalArgumentException("LMDI factors must be finite and non-negative, factor " + i
                        + " was " + prior[i] + " -> " + current[i]);
            }
        }
        double v0 = 1;
        double v1 = 1;
        for (int i = 0; i < prior.length; i++) {
            v0 *= prior[i];
            v1 *= current[i];
        }
        double[] out = new double[prior.length];
        if (v0 == 0 || v1 == 0) {
            zeroLimit(prior, current, v0, v1, out);
            return out;
        }
        double l = logMean(v1, v0);
        for (int i = 0; i < out.length; i++) {
            out[i] = l * Math.log(current[i] / prior[i]);
        }
        spreadResidual(out, v1 - v0);
        return out;
    }

    private static void zeroLimit(double[] prior, double[] current, double v0, double v1, double[] out) {
        if (v0 == v1) {
            return;                                     // zero in both windows: nothing changed
        }
        double[] zeroAt = v0 == 0 ? prior : current;
        int zeros = 0;
        for (double z : zeroAt) {
            zeros += z == 0 ? 1 : 0;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = zeroAt[i] == 0 ? (v1 - v0) / zeros : 0;
        }
    }

    /** Adds {@code total − Σ parts} to the parts in proportion to their magnitude. */
    static void spreadResidual(double[] parts, double total) {
        double sum = 0;
        double abs = 0;
        for (double p : parts) {
            sum += p;
            abs += Math.abs(p);
        }
        double residual = total - sum;
        if (residual == 0 || abs == 0) {
            return;
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i] += residual * Math.abs(parts[i]) / abs;
        }
    }
}
