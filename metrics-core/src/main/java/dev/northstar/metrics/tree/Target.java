package dev.northstar.metrics.tree;

import java.util.OptionalDouble;

/**
 * What a node should reach in a window: an absolute level, or a relative change against the
 * comparison window. Which side of the target is "reached" follows the metric's direction.
 *
 * <pre>{@code
 * Target.level(0.97);                               // success rate at least 97% (higher is better)
 * Target.relativeChange(0.05);                      // TPV +5% vs the comparison window
 * Target.level(2_000_000_00L).atRiskWithin(0.10);   // 2M CNY in fen; at risk within 10% short
 * }</pre>
 *
 * <p>Units: a level is in the metric's own unit (minor currency units, a ratio in [0, 1], ids);
 * a relative change and the at-risk margin are fractions ({@code 0.05} = 5%). A target is judged
 * by its level: a relative change target's level is {@code prior × (1 + change)}, so it has none
 * (the node shows "no data") when the comparison window has no data.
 *
 * <p>Bad input: a value, change or margin that is NaN or infinite, a change of −100% or less, or a
 * negative margin throws {@link IllegalArgumentException} here, when the tree is declared.
 *
 * @param kind         an absolute level or a relative change
 * @param value        the level (metric unit) or the change (fraction)
 * @param atRiskWithin how far short of the level still counts as at risk, as a fraction of the
 *                     level's magnitude (default {@value #DEFAULT_AT_RISK_WITHIN})
 */
public record Target(Kind kind, double value, double atRiskWithin) {
    /** Default at-risk margin: within 5% of the target level. */
    public static final double DEFAULT_AT_RISK_WITHIN = 0.05;

    /** Validates the numbers. */
    public Target {
        if (kind == null || !Double.isFinite(value) || !Double.isFinite(atRiskWithin) || atRiskWithin < 0) {
            throw new IllegalArgumentException("a target needs a kind, a finite value and a non-negative "
                    + "at-risk margin, was " + kind + " " + value + " within " + atRiskWithin);
        }
        if (kind == Kind.RELATIVE_CHANGE && value <= -1) {
            throw new IllegalArgumentException("a relative change target must be above -100%, was " + value);
        }
    }

    /** The two kinds of target. */
    public enum Kind {
        /** Reach a level in the metric's unit. */
        LEVEL,
        /** Change by a fraction against the comparison window. */
        RELATIVE_CHANGE
    }

    /** Reach {@code level}, in the metric's unit. */
    public static Target level(double level) {
        return new Target(Kind.LEVEL, level, DEFAULT_AT_RISK_WITHIN);
    }

    /** Change by {@code fraction} (0.05 = +5%) against the comparison window. */
    public static Target relativeChange(double fraction) {
        return new Target(Kind.RELATIVE_CHANGE, fraction, DEFAULT_AT_RISK_WITHIN);
    }

    /** The same target with another at-risk margin (a fraction of the level). */
    public Target atRiskWithin(double fraction) {
        return new Target(kind, value, fraction);
    }

    /** The level to reach given the comparison window's value; empty when it cannot be known. */
    public OptionalDouble levelGiven(OptionalDouble prior) {
        if (kind == Kind.LEVEL) {
            return OptionalDouble.of(value);
        }
        return prior.isPresent() ? OptionalDouble.of(prior.getAsDouble() * (1 + value)) : OptionalDouble.empty();
    }

    /** Plain words: {@code reach 0.97}, {@code change +5%} (against the comparison window). */
    public String describe() {
        if (kind == Kind.LEVEL) {
            return "reach " + Numbers.plain(value);
        }
        return "change " + (value >= 0 ? "+" : "") + Numbers.plain(value * 100) + "%";
    }
}
