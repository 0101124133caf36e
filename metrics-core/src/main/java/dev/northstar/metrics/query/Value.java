package dev.northstar.metrics.query;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The value of one result row and what it was made of, so a caller can judge it. Every kind has
 * a headline {@link #value()}, empty when there is no data to divide or estimate (never NaN).
 */
public sealed interface Value {

    /** The headline number, or empty for "no data". */
    OptionalDouble value();

    /** A count of events. */
    record Count(long count) implements Value {
        @Override public OptionalDouble value() {
            return OptionalDouble.of(count);
        }
    }

    /** A sum. */
    record Sum(long sum) implements Value {
        @Override public OptionalDouble value() {
            return OptionalDouble.of(sum);
        }
    }

    /** A ratio with its parts; empty when the denominator is zero. */
    record Ratio(long numerator, long denominator) implements Value {
        @Override public OptionalDouble value() {
            return denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) numerator / denominator);
        }
    }

    /**
     * A distribution: sample count, min, max, mean, the asked quantiles, and the histogram's
     * precision (values are exact to within one part in {@code 10^significantDigits}).
     * The headline is the definition's headline quantile (the median unless the definition names
     * another, such as p99 for a latency guardrail); empty when there are no samples.
     */
    record Distribution(long count, long min, long max, double mean, Map<Double, Long> quantiles,
                        int significantDigits, double headlineQuantile) implements Value {
        public Distribution {
            quantiles = Map.copyOf(quantiles);
        }

        @Override public OptionalDouble value() {
            Long headline = quantiles.get(headlineQuantile);
            return count == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(headline != null ? headline : mean);
        }

        /** The value at quantile {@code q} if it was asked for and there are samples. */
        public OptionalDouble quantile(double q) {
            Long v = quantiles.get(q);
            return count == 0 || v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
    }

    /**
     * A distinct count estimate with its bounds at two standard deviations (about 95%
     * confidence); exact below the sketch's size.
     */
    record Distinct(double estimate, double lowerBound, double upperBound) implements Value {
        @Override public OptionalDouble value() {
            return OptionalDouble.of(estimate);
        }
    }

    /** A gauge: the sum of each series' last value in the window, as of the latest time. */
    record Gauge(long level, long asOfMillis, boolean present) implements Value {
        @Override public OptionalDouble value() {
            return present ? OptionalDouble.of(level) : OptionalDouble.empty();
        }
    }

    /** A derived value and the values of the metrics it was computed from. */
    record Derived(OptionalDouble result, Map<String, OptionalDouble> parts) implements Value {
        public Derived {
            parts = Map.copyOf(parts);
        }

        @Override public OptionalDouble value() {
            return result;
        }
    }

    /**
     * A funnel: per step the ids that reached it and every step before it, with bounds, and the
     * conversions. The headline is the overall conversion (last step / first step).
     */
    record Funnel(List<Step> steps) implements Value {
        public Funnel {
            steps = List.copyOf(steps);
        }

        @Override public OptionalDouble value() {
            return steps.get(steps.size() - 1).fromStart();
        }
    }

    /**
     * One funnel step.
     *
     * @param name          step name
     * @param reached       estimated ids that reached this step and all before it
     * @param lowerBound    lower bound of {@code reached} (2 standard deviations)
     * @param upperBound    upper bound of {@code reached}
     * @param fromStart     {@code reached / reached at step 0}, empty if nobody started
     * @param fromPrevious  {@code reached / reached at the previous step}
     * @param fromStartLow  lower bound of {@code fromStart}
     * @param fromStartHigh upper bound of {@code fromStart}
     */
    record Step(String name, double reached, double lowerBound, double upperBound, OptionalDouble fromStart,
                OptionalDouble fromPrevious, double fromStartLow, double fromStartHigh) {
    }

    /**
     * Retention of the cohort that entered in the window: per offset, the share active again in
     * the window shifted by that many days. The headline is the first offset's rate.
     */
    record Retention(double cohort, List<Offset> offsets) implements Value {
        public Retention {
            offsets = List.copyOf(offsets);
        }

        @Override public OptionalDouble value() {
            return offsets.isEmpty() ? OptionalDouble.empty() : offsets.get(0).rate();
        }
    }

    /**
     * One retention offset.
     *
     * @param days      days after the cohort window
     * @param retained  estimated ids of the cohort active in the shifted window
     * @param rate      {@code retained / cohort}, empty for an empty cohort
     * @param lowerRate lower bound of the rate (2 standard deviations of both sketches)
     * @param upperRate upper bound of the rate
     * @param matured   whether the shifted window had ended when the data was taken
     */
    record Offset(int days, double retained, OptionalDouble rate, double lowerRate, double upperRate,
                  boolean matured) {
    }
}
