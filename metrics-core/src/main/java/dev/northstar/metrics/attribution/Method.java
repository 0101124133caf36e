package dev.northstar.metrics.attribution;

/**
 * How a change was split among the operands of a formula.
 *
 * <pre>{@code
 * attribution.factors().orElseThrow().methods();   // [LMDI]
 * }</pre>
 */
public enum Method {
    /** Sums and differences: each term contributes its own change (with its sign). */
    ADDITIVE,
    /** Products and ratios of positive values: logarithmic mean Divisia index, LMDI-I (Ang 2005). */
    LMDI,
    /** LMDI where a factor is zero in one window: the analytic limit (Ang and Liu 2007) gives the
     *  whole change to the factors that were zero, in equal parts. */
    LMDI_ZERO_LIMIT,
    /** Products and ratios where an operand changes sign, so logarithms do not apply: the Shapley
     *  value over the operands (the average of each operand's effect over every order of change). */
    SHAPLEY
}
