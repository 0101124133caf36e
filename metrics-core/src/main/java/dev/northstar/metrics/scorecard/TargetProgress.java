package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.tree.Target;
import java.util.OptionalDouble;

/**
 * A node's progress toward its {@link Target}.
 *
 * <pre>{@code
 * TargetProgress t = score.target().orElseThrow();
 * t.progress().getAsDouble();   // 0.8: 80% of the planned +5% achieved
 * t.status();                   // AT_RISK
 * }</pre>
 *
 * <p>A level target's progress is {@code value / level} (higher is better) or {@code level / value}
 * (lower is better); a relative-change target's is the achieved change over the planned one.
 * The status compares the value with the level: reached is on track; short by at most
 * {@code atRiskWithin × |level|} is at risk; further is off track; for a neutral metric, within
 * the margin either side is on track, outside it off track.
 *
 * @param target   the target
 * @param level    the level to reach, in the metric's unit; empty when a relative target has no prior
 * @param progress as described above, a fraction (1 = reached); empty when it would divide by zero
 * @param status   on track, at risk, off track, or no data
 */
public record TargetProgress(Target target, OptionalDouble level, OptionalDouble progress, Status status) {

    /** Judges {@code current} against {@code target}, with {@code prior} for relative targets. */
    public static TargetProgress judge(Target target, OptionalDouble current, OptionalDouble prior,
                                       Direction direction) {
        OptionalDouble level = finite(target.levelGiven(prior));
        if (current.isEmpty() || level.isEmpty()) {
            return new TargetProgress(target, level, OptionalDouble.empty(), Status.NO_DATA);
        }
        double v = current.getAsDouble();
        double l = level.getAsDouble();
        double margin = target.atRiskWithin() * Math.abs(l);
        Status status;
        if (direction == Direction.NEUTRAL) {
            status = Math.abs(v - l) <= margin ? Status.ON_TRACK : Status.OFF_TRACK;
        } else {
            double shortfall = direction == Direction.HIGHER_IS_BETTER ? l - v : v - l;
            status = shortfall <= 0 ? Status.ON_TRACK : shortfall <= margin ? Status.AT_RISK : Status.OFF_TRACK;
        }
        return new TargetProgress(target, level, progress(target, v, l, prior, direction), status);
    }

    private static OptionalDouble progress(Target target, double v, double l, OptionalDouble prior,
                                           Direction direction) {
        double p;
        if (target.kind() == Target.Kind.RELATIVE_CHANGE) {
            double planned = l - prior.getAsDouble();
            p = planned == 0 ? Double.NaN : (v - prior.getAsDouble()) / planned;
        } else if (direction == Direction.LOWER_IS_BETTER) {
            p = v == 0 ? Double.NaN : l / v;
        } else if (direction == Direction.NEUTRAL) {
            p = l == 0 ? Double.NaN : 1 - Math.abs(v - l) / Math.abs(l);
        } else {
            p = l == 0 ? Double.NaN : v / l;
        }
        return finite(OptionalDouble.of(p));
    }

    private static OptionalDouble finite(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? v : OptionalDouble.empty();
    }
}
