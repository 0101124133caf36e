package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.definition.Direction;
import java.util.OptionalDouble;

/**
 * How a node moved from the comparison window to the window.
 *
 * <pre>{@code
 * Change c = Change.between(OptionalDouble.of(95.8), OptionalDouble.of(100.0), Direction.HIGHER_IS_BETTER);
 * c.relative().getAsDouble();   // -0.042: -4.2%
 * c.judgement();                // BAD
 * }</pre>
 *
 * @param absolute  current minus prior, in the metric's unit (a ratio's change is in ratio
 *                  units: 0.001 = 0.1 percentage point); empty if either is missing
 * @param relative  absolute / |prior| as a fraction (0.05 = +5%); empty also when prior is zero
 * @param judgement good, bad or neutral by the metric's direction
 */
public record Change(OptionalDouble absolute, OptionalDouble relative, Judgement judgement) {

    /** The change from {@code prior} to {@code current}. */
    public static Change between(OptionalDouble current, OptionalDouble prior, Direction direction) {
        if (current.isEmpty() || prior.isEmpty()) {
            return new Change(OptionalDouble.empty(), OptionalDouble.empty(), Judgement.NO_DATA);
        }
        double a = current.getAsDouble() - prior.getAsDouble();
        double p = prior.getAsDouble();
        OptionalDouble abs = Double.isFinite(a) ? OptionalDouble.of(a) : OptionalDouble.empty();
        OptionalDouble rel = p == 0 || abs.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(a / Math.abs(p));
        return new Change(abs, rel, Judgement.of(direction, abs));
    }
}
