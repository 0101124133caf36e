package dev.northstar.metrics.scorecard;

/**
 * The test a scorecard used to judge whether a node's change is significant; which one depends
 * on the metric's kind.
 *
 * <pre>{@code
 * score.significance().test().description();   // "two-proportion z-test"
 * }</pre>
 */
public enum SignificanceTest {
    /**
     * Ratios whose parts are successes and trials ({@code 0 <= numerator <= denominator}): the
     * standard two-proportion z-test with a pooled proportion.
     */
    TWO_PROPORTION_Z("two-proportion z-test"),
    /**
     * Counts: the conditional test of two Poisson rates (given the total, the current count is
     * binomial with p = current length / both lengths); exact binomial for small totals, normal
     * approximation otherwise. It ignores over-dispersion, so it is generous with large counts.
     */
    POISSON_RATE("Poisson rate test"),
    /**
     * Sums, derived metrics, gauges, distributions, funnels, retention and ratios that are not
     * proportions: a normal (z) test on the mean of per-period values (days, or hours for a
     * one-day window) of the two windows, with Welch's unpooled variance.
     */
    NORMAL_PER_PERIOD("normal test on per-period values"),
    /**
     * Distinct counts: the difference against the sketches' error (their bounds at two standard
     * deviations). It tests measurement error only; exact counts (below the sketch size) that
     * differ are always significant.
     */
    SKETCH_ERROR("sketch error bound"),
    /** No test could be made (no data, or too few periods); never significant. */
    NONE("no test");

    private final String description;

    SignificanceTest(String description) {
        this.description = description;
    }

    /** Plain words for reports. */
    public String description() {
        return description;
    }
}
