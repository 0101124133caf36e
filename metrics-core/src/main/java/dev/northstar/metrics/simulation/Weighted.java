package dev.northstar.metrics.simulation;

import java.util.SplittableRandom;

/**
 * Draws indexes from fixed weights by inverse CDF (a binary search over the cumulative shares):
 * the sampler the domain simulators use for regions, hours of the day, categories and reasons.
 *
 * <pre>{@code
 * Weighted channel = new Weighted(new double[] {0.55, 0.20, 0.17, 0.08});
 * int i = channel.sample(random);                  // 0 about 55% of the time
 * }</pre>
 *
 * <p>Immutable and thread-safe; sampling allocates nothing. Weights must be non-negative with a
 * positive sum.
 */
public final class Weighted {
    private final double[] cdf;
    private final double total;

    /** Samples index {@code i} with probability {@code weights[i] / sum(weights)}. */
    public Weighted(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("at least one weight is needed");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative, was " + w);
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("weights must have a positive sum");
        }
        cdf = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i] / sum;
            cdf[i] = acc;
        }
        cdf[cdf.length - 1] = 1;
        total = sum;
    }

    /** The sum of the weights. */
    public double total() {
        return total;
    }

    /** The weight of index {@code i}. */
    public double weight(int i) {
        return (cdf[i] - (i == 0 ? 0 : cdf[i - 1])) * total;
    }

    /** An index drawn from {@code random}. */
    public int sample(SplittableRandom random) {
        return sampleUnit(random.nextDouble());
    }

    /** The index whose cumulative share first reaches {@code u}, a number in [0, 1). */
    public int sampleUnit(double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
