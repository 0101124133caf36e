package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.definition.Direction;
import java.util.OptionalDouble;

/**
 * Whether a change is good for the product, by the metric's {@link Direction}.
 *
 * <pre>{@code
 * Judgement.of(Direction.LOWER_IS_BETTER, OptionalDouble.of(-0.002));   // GOOD: fraud rate fell
 * }</pre>
 */
public enum Judgement {
    /** Moved the way the metric's direction wants. */
    GOOD,
    /** Moved against it. */
    BAD,
    /** No change, or a metric with no better direction. */
    NEUTRAL,
    /** No change could be computed. */
    NO_DATA;

    /** The judgement of an absolute change; empty change gives {@link #NO_DATA}. */
    public static Judgement of(Direction direction, OptionalDouble change) {
        if (change.isEmpty() || !Double.isFinite(change.getAsDouble())) {
            return NO_DATA;
        }
        int j = direction.judge(change.getAsDouble());
        return j > 0 ? GOOD : j < 0 ? BAD : NEUTRAL;
    }
}
