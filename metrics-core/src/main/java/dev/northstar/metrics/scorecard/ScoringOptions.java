package dev.northstar.metrics.scorecard;

/**
 * How a scorecard is evaluated.
 *
 * <pre>{@code
 * ScoringOptions o = ScoringOptions.DEFAULTS.withTrendPeriods(12).withSignificanceLevel(0.01);
 * }</pre>
 *
 * @param trendPeriods      how many periods each node's trend covers, the window included
 *                          (0 for none; at most 366)
 * @param significanceLevel the p-value below which a change is significant, in (0, 1)
 * @param formulaTolerance  the relative gap an exact formula check allows, for rounding, in [0, 1)
 */
public record ScoringOptions(int trendPeriods, double significanceLevel, double formulaTolerance) {
    /** Eight periods of trend, 5% significance, 1e-9 relative tolerance. */
    public static final ScoringOptions DEFAULTS = new ScoringOptions(8, 0.05, 1e-9);

    /** Validates the ranges; bad values throw {@link IllegalArgumentException}. */
    public ScoringOptions {
        if (trendPeriods < 0 || trendPeriods > 366) {
            throw new IllegalArgumentException("trend periods must be 0..366, was " + trendPeriods);
        }
        if (!(significanceLevel > 0 && significanceLevel < 1)) {
            throw new IllegalArgumentException("significance level must be in (0, 1), was " + significanceLevel);
        }
        if (!(formulaTolerance >= 0 && formulaTolerance < 1)) {
            throw new IllegalArgumentException("formula tolerance must be in [0, 1), was " + formulaTolerance);
        }
    }

    /** The same options with another trend length. */
    public ScoringOptions withTrendPeriods(int periods) {
        return new ScoringOptions(periods, significanceLevel, formulaTolerance);
    }

    /** The same options with another significance level. */
    public ScoringOptions withSignificanceLevel(double alpha) {
        return new ScoringOptions(trendPeriods, alpha, formulaTolerance);
    }

    /** The same options with another formula tolerance. */
    public ScoringOptions withFormulaTolerance(double tolerance) {
        return new ScoringOptions(trendPeriods, significanceLevel, tolerance);
    }
}
