package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.query.Value;
import java.util.OptionalDouble;

/**
 * A node's value in one window and what it was made of.
 *
 * <pre>{@code
 * Reading r = score.current();
 * r.value().orElse(-1);                 // the headline, in the metric's unit
 * if (r.parts() instanceof Value.Ratio p) p.denominator();
 * }</pre>
 *
 * @param value the headline in the metric's unit (minor currency units, a ratio in [0, 1], ids,
 *              events...); empty ("no data") when nothing was recorded in the window, the
 *              denominator is zero, or the value cannot be computed. Never NaN.
 * @param parts the query value it came from: numerator and denominator, sketch bounds,
 *              sample count, derived operands
 */
public record Reading(OptionalDouble value, Value parts) {
    /** Whether there is a value. */
    public boolean hasData() {
        return value.isPresent();
    }
}
