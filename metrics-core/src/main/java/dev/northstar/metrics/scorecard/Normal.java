package dev.northstar.metrics.scorecard;

/**
 * The standard normal distribution's tails, for p-values.
 *
 * <p>{@code erfc} is the Chebyshev-fitted approximation of Press, Teukolsky, Vetterling and
 * Flannery, <i>Numerical Recipes in C</i>, 2nd ed. (1992), §6.2, with fractional error below
 * 1.2e-7 everywhere: ample for comparing p-values with a significance level.
 */
final class Normal {
    private Normal() {
    }

    /** The complementary error function. */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }

    /** {@code P(|Z| >= |z|)} for a standard normal Z. */
    static double twoSided(double z) {
        return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
    }
}
