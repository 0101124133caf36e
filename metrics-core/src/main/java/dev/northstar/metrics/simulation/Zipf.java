package dev.northstar.metrics.simulation;

import java.util.SplittableRandom;

/**
 * Draws ids {@code 0 .. n-1} with probability proportional to {@code 1 / (rank + 1)^s}: a few
 * very active payers, merchants or accounts and a long tail, as real populations are.
 *
 * <pre>{@code
 * Zipf payers = new Zipf(2_000_000, 0.8);
 * long payer = payers.sample(random);
 * }</pre>
 *
 * <p>Holds one double per id (16 MB for two million); sampling is a binary search and allocates
 * nothing.
 */
public final class Zipf {
    private final Weighted ranks;

    /** {@code n} ids with exponent {@code s}. */
    public Zipf(int n, double s) {
        if (n < 1) {
            throw new IllegalArgumentException("a Zipf population needs at least one id, was " + n);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.pow(i + 1, s);
        }
        ranks = new Weighted(w);
    }

    /** An id drawn from {@code random}. */
    public long sample(SplittableRandom random) {
        return ranks.sample(random);
    }
}
