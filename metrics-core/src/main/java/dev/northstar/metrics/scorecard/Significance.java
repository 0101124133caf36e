package dev.northstar.metrics.scorecard;

import java.util.OptionalDouble;

/**
 * Whether a change between two windows is larger than chance (or measurement error) explains,
 * with the test used, its statistic and its two-sided p-value.
 *
 * <pre>{@code
 * Significance s = Significance.twoProportion(9_510, 10_000, 9_500, 10_000, 0.05);
 * s.significant();          // false: 0.1 pp on 10,000 attempts is noise
 * s.test().description();   // "two-proportion z-test"
 * }</pre>
 *
 * <p>Bad input gives {@link SignificanceTest#NONE}, never an exception or NaN: negative or
 * inconsistent counts, empty windows, fewer than two periods, a non-finite value.
 *
 * @param test        the test used
 * @param statistic   the z statistic, if the test has one (empty for exact tests and NONE)
 * @param pValue      two-sided p-value in [0, 1]; empty for NONE
 * @param significant whether {@code pValue < alpha}
 * @param note        plain words on what was compared, or why no test was made
 */
public record Significance(SignificanceTest test, OptionalDouble statistic, OptionalDouble pValue,
                           boolean significant, String note) {

    /** No test; never significant. */
    public static Significance none(String why) {
        return new Significance(SignificanceTest.NONE, OptionalDouble.empty(), OptionalDouble.empty(), false, why);
    }

    private static Significance of(SignificanceTest test, double z, double p, double alpha, String note) {
        OptionalDouble stat = Double.isFinite(z) ? OptionalDouble.of(z) : OptionalDouble.empty();
        double pv = Double.isNaN(p) ? 1 : Math.max(0, Math.min(1, p));
        return new Significance(test, stat, OptionalDouble.of(pv), pv < alpha, note);
    }

    /**
     * The two-proportion z-test of {@code x1/n1} (current) against {@code x0/n0} (prior), with the
     * pooled proportion {@code (x1 + x0) / (n1 + n0)}: z = (p1 - p0) / sqrt(p(1 - p)(1/n1 + 1/n0)).
     * The standard test, e.g. NIST/SEMATECH e-Handbook of Statistical Methods, §7.3.3.
     */
    public static Significance twoProportion(long x1, long n1, long x0, long n0, double alpha) {
        if (n1 <= 0 || n0 <= 0 || x1 < 0 || x0 < 0 || x1 > n1 || x0 > n0) {
            return none("needs successes within trials in both windows");
        }
        double p1 = (double) x1 / n1;
        double p0 = (double) x0 / n0;
        double pooled = (double) (x1 + x0) / ((double) n1 + n0);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0));
        String note = x1 + "/" + n1 + " vs " + x0 + "/" + n0;
        if (se == 0) {
            return of(SignificanceTest.TWO_PROPORTION_Z, Double.NaN, p1 == p0 ? 1 : 0, alpha, note);
        }
        double z = (p1 - p0) / se;
        return of(SignificanceTest.TWO_PROPORTION_Z, z, Normal.twoSided(z), alpha, note);
    }

    /**
     * The conditional test of two Poisson rates: {@code c1} events in a window of length
     * {@code t1} against {@code c0} in {@code t0} (any one unit of length). Given {@code n = c1 + c0},
     * {@code c1} is Binomial(n, t1 / (t1 + t0)) when the rates are equal (Przyborowski and
     * Wilenski, 1940): exact when {@code n q (1 - q) < 10} (and n at most 100,000), normal
     * approximation otherwise.
     */
    public static Significance poisson(long c1, double t1, long c0, double t0, double alpha) {
        if (c1 < 0 || c0 < 0 || !(t1 > 0) || !(t0 > 0) || !Double.isFinite(t1 + t0)) {
            return none("needs non-negative counts over windows of positive length");
        }
        long n = c1 + c0;
        String note = c1 + " vs " + c0 + " events";
        if (n == 0) {
            return of(SignificanceTest.POISSON_RATE, Double.NaN, 1, alpha, note);
        }
        double q = t1 / (t1 + t0);
        double var = n * q * (1 - q);
        if (var >= 10 || n > 100_000) {
            double z = (c1 - n * q) / Math.sqrt(var);
            return of(SignificanceTest.POISSON_RATE, z, Normal.twoSided(z), alpha, note);
        }
        return of(SignificanceTest.POISSON_RATE, Double.NaN, exactBinomialTwoSided(c1, n, q), alpha, note);
    }

    /** Sum of the probabilities of outcomes no more likely than {@code k} (the usual two-sided rule). */
    private static double exactBinomialTwoSided(long k, long n, double q) {
        double logQ = Math.log(q);
        double logNotQ = Math.log1p(-q);
        double[] log = new double[(int) n + 1];
        double acc = n * logNotQ;
        log[0] = acc;
        for (int i = 0; i < n; i++) {
            acc += Math.log((double) (n - i) / (i + 1)) + logQ - logNotQ;
            log[i + 1] = acc;
        }
        double observed = log[(int) k];
        double p = 0;
        for (double l : log) {
            if (l <= observed + 1e-7) {
                p += Math.exp(l);
            }
        }
        return p;
    }

    /**
     * A normal test on the means of per-period values: z = (m1 - m0) / sqrt(s1²/n1 + s0²/n0), with
     * sample variances (Welch's unpooled standard error). Needs at least two periods per window.
     */
    public static Significance perPeriod(double[] current, double[] prior, double alpha) {
        if (current.length < 2 || prior.length < 2) {
            return none("needs at least two periods with data in each window");
        }
        double m1 = mean(current);
        double m0 = mean(prior);
        double se = Math.sqrt(variance(current, m1) / current.length + variance(prior, m0) / prior.length);
        if (!Double.isFinite(m1) || !Double.isFinite(m0) || !Double.isFinite(se)) {
            return none("a per-period value is not finite");
        }
        String note = "mean of " + current.length + " vs " + prior.length + " periods";
        if (se == 0) {
            return of(SignificanceTest.NORMAL_PER_PERIOD, Double.NaN, m1 == m0 ? 1 : 0, alpha, note);
        }
        double z = (m1 - m0) / se;
        return of(SignificanceTest.NORMAL_PER_PERIOD, z, Normal.twoSided(z), alpha, note);
    }

    /**
     * Two distinct-count estimates against their sketches' error: each sketch's standard error is
     * a quarter of the width of its bounds (given at two standard deviations), and
     * z = (e1 - e0) / sqrt(se1² + se0²). Exact estimates (zero width) differ significantly
     * whenever they differ.
     */
    public static Significance sketch(double e1, double lower1, double upper1, double e0, double lower0,
                                      double upper0, double alpha) {
        double[] all = {e1, lower1, upper1, e0, lower0, upper0};
        for (double v : all) {
            if (!Double.isFinite(v) || v < 0) {
                return none("needs finite, non-negative estimates and bounds");
            }
        }
        double se1 = Math.max(0, upper1 - lower1) / 4;
        double se0 = Math.max(0, upper0 - lower0) / 4;
        double se = Math.sqrt(se1 * se1 + se0 * se0);
        String note = "estimates " + Math.round(e1) + " vs " + Math.round(e0) + " within sketch bounds";
        if (se == 0) {
            return of(SignificanceTest.SKETCH_ERROR, Double.NaN, e1 == e0 ? 1 : 0, alpha, note);
        }
        double z = (e1 - e0) / se;
        return of(SignificanceTest.SKETCH_ERROR, z, Normal.twoSided(z), alpha, note);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }
}
