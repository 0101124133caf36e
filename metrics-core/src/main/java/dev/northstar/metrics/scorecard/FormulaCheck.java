package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.time.Window;
import java.util.OptionalDouble;

/**
 * Whether a node's exact formula holds on the data of one window: the formula evaluated over the
 * children's values against the node's own value.
 *
 * <pre>{@code
 * card.checks().stream().filter(c -> c.verdict() == FormulaCheck.Verdict.FAILS).forEach(System.out::println);
 * }</pre>
 *
 * <p>The tolerance (in the node's unit) is the scorecard's relative tolerance times the larger
 * magnitude, plus the propagated error of every sketch (distinct counts at two standard
 * deviations) and histogram (one part in 10^digits) the two sides read, to first order.
 *
 * @param node      the node's metric name
 * @param formula   the formula, in infix
 * @param window    the window checked
 * @param computed  the formula's value; empty when an operand has no data or a denominator is zero
 * @param observed  the node's own value; empty when it has no data
 * @param tolerance the allowed gap, node unit, never negative
 * @param verdict   holds, fails, or no data
 */
public record FormulaCheck(String node, String formula, Window window, OptionalDouble computed,
                           OptionalDouble observed, double tolerance, Verdict verdict) {

    /** The outcome of a check. */
    public enum Verdict {
        /** Within tolerance. */
        HOLDS,
        /** Off by more than the tolerance: the formula or the recording is wrong. */
        FAILS,
        /** One side has no data. */
        NO_DATA
    }

    /** {@code computed - observed}, empty when either is missing. */
    public OptionalDouble gap() {
        return computed.isPresent() && observed.isPresent()
                ? OptionalDouble.of(computed.getAsDouble() - observed.getAsDouble()) : OptionalDouble.empty();
    }
}
