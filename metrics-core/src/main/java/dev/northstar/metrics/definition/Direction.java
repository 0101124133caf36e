package dev.northstar.metrics.definition;

/** Which way a metric should move for the product to be doing better. */
public enum Direction {
    /** More is better: TPV, active payers, success rate. */
    HIGHER_IS_BETTER,
    /** Less is better: fraud loss, dispute rate, latency. */
    LOWER_IS_BETTER,
    /** Neither is better by itself: average ticket, share of a channel. */
    NEUTRAL;

    /**
     * Whether a change of the given sign is good: {@code +1} if good, {@code -1} if bad,
     * {@code 0} if neutral or no change.
     */
    public int judge(double change) {
        if (change == 0 || this == NEUTRAL || Double.isNaN(change)) {
            return 0;
        }
        boolean up = change > 0;
        return (up == (this == HIGHER_IS_BETTER)) ? 1 : -1;
    }
}
