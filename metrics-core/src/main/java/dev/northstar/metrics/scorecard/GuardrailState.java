package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.tree.Threshold;
import java.util.OptionalDouble;

/**
 * A guardrail against its {@link Threshold}.
 *
 * <pre>{@code
 * GuardrailState g = score.guardrail().orElseThrow();
 * if (g.status() == Status.BREACHED) alert(score.metric() + " " + g.threshold().describe());
 * }</pre>
 *
 * <p>Breached when past the limit; at risk when within it but past the warning level, or, when no
 * warning level is set, significantly worse than in the comparison window; on track otherwise.
 * "No worse than" compares the worsening ({@code -relative change} for higher-is-better,
 * {@code +relative change} for lower-is-better, its magnitude for neutral metrics) with the
 * allowed fraction, so it needs a non-zero prior value.
 *
 * @param threshold the threshold
 * @param observed  what was compared with the limit: the value (metric unit) for at most / at least,
 *                  the worsening (a fraction) for no worse than; empty when there is no data
 * @param status    on track, at risk, breached, or no data
 */
public record GuardrailState(Threshold threshold, OptionalDouble observed, Status status) {

    /** Judges a guardrail. */
    public static GuardrailState judge(Threshold threshold, OptionalDouble current, Change change,
                                       Significance significance, Direction direction) {
        double observed;
        boolean breached;
        boolean warned;
        if (current.isEmpty()) {
            return new GuardrailState(threshold, OptionalDouble.empty(), Status.NO_DATA);
        }
        double v = current.getAsDouble();
        switch (threshold.kind()) {
            case AT_MOST -> {
                observed = v;
                breached = v > threshold.limit();
                warned = threshold.warnAt().isPresent() && v > threshold.warnAt().getAsDouble();
            }
            case AT_LEAST -> {
                observed = v;
                breached = v < threshold.limit();
                warned = threshold.warnAt().isPresent() && v < threshold.warnAt().getAsDouble();
            }
            default -> {
                if (change.relative().isEmpty()) {
                    return new GuardrailState(threshold, OptionalDouble.empty(), Status.NO_DATA);
                }
                double rel = change.relative().getAsDouble();
                observed = direction == Direction.HIGHER_IS_BETTER ? -rel
                        : direction == Direction.LOWER_IS_BETTER ? rel : Math.abs(rel);
                breached = observed > threshold.limit();
                warned = threshold.warnAt().isPresent() && observed > threshold.warnAt().getAsDouble();
            }
        }
        boolean worse = threshold.warnAt().isEmpty() && significance.significant()
                && (change.judgement() == Judgement.BAD
                    || (direction == Direction.NEUTRAL && change.absolute().orElse(0) != 0));
        Status status = breached ? Status.BREACHED : warned || worse ? Status.AT_RISK : Status.ON_TRACK;
        return new GuardrailState(threshold, OptionalDouble.of(observed), status);
    }
}
