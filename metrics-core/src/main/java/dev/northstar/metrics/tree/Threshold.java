package dev.northstar.metrics.tree;

import java.util.OptionalDouble;

/**
 * The limit a guardrail must not breach: at most a level, at least a level, or no worse than a
 * relative change against the comparison window ("worse" follows the metric's direction; for a
 * neutral metric, a move either way).
 *
 * <pre>{@code
 * Threshold.atMost(0.001);                    // fraud rate at most 0.1%
 * Threshold.atLeast(0.95).warnAt(0.96);       // success rate at least 95%, at risk below 96%
 * Threshold.noWorseThan(0.10);                // refund rate no more than 10% worse than before
 * }</pre>
 *
 * <p>Units: {@code atMost}/{@code atLeast} limits and their warning levels are in the metric's
 * unit; {@code noWorseThan} and its warning level are fractions ({@code 0.10} = 10%). A guardrail
 * is at risk when it is within its limit but past its warning level, or (without a warning level)
 * significantly worse than in the comparison window.
 *
 * <p>Bad input: a limit or warning level that is NaN or infinite, or a negative
 * {@code noWorseThan} fraction, throws {@link IllegalArgumentException} here.
 *
 * @param kind   at most, at least, or no worse than
 * @param limit  the level (metric unit) or the allowed worsening (fraction)
 * @param warnAt the warning level in the same unit, if any
 */
public record Threshold(Kind kind, double limit, OptionalDouble warnAt) {
    /** Validates the numbers. */
    public Threshold {
        if (kind == null || !Double.isFinite(limit) || warnAt == null
                || (warnAt.isPresent() && !Double.isFinite(warnAt.getAsDouble()))) {
            throw new IllegalArgumentException("a threshold needs a kind and finite limits, was " + kind + " "
                    + limit + " warn " + warnAt);
        }
        if (kind == Kind.NO_WORSE_THAN && (limit < 0 || (warnAt.isPresent() && warnAt.getAsDouble() < 0))) {
            throw new IllegalArgumentException("'no worse than' takes a non-negative fraction, was " + limit);
        }
    }

    /** The three kinds of threshold. */
    public enum Kind {
        /** The value must not exceed the limit. */
        AT_MOST,
        /** The value must not fall below the limit. */
        AT_LEAST,
        /** The value must not worsen by more than the limit (a fraction) vs the comparison window. */
        NO_WORSE_THAN
    }

    /** The value must stay at or below {@code level} (metric unit). */
    public static Threshold atMost(double level) {
        return new Threshold(Kind.AT_MOST, level, OptionalDouble.empty());
    }

    /** The value must stay at or above {@code level} (metric unit). */
    public static Threshold atLeast(double level) {
        return new Threshold(Kind.AT_LEAST, level, OptionalDouble.empty());
    }

    /** The value must not worsen by more than {@code fraction} (0.10 = 10%) vs the comparison window. */
    public static Threshold noWorseThan(double fraction) {
        return new Threshold(Kind.NO_WORSE_THAN, fraction, OptionalDouble.empty());
    }

    /** The same threshold, at risk once past {@code level} (same unit as the limit). */
    public Threshold warnAt(double level) {
        return new Threshold(kind, limit, OptionalDouble.of(level));
    }

    /** Plain words: {@code at most 0.001}, {@code no worse than 10%}. */
    public String describe() {
        return switch (kind) {
            case AT_MOST -> "at most " + Numbers.plain(limit);
            case AT_LEAST -> "at least " + Numbers.plain(limit);
            case NO_WORSE_THAN -> "no worse than " + Numbers.plain(limit * 100) + "%";
        };
    }
}
