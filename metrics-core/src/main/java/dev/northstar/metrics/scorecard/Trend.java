package dev.northstar.metrics.scorecard;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A node's value over the last N periods of the window's length, oldest first, ending with the
 * window itself.
 *
 * <pre>{@code
 * for (Trend.Point p : score.trend().points()) System.out.println(p.label() + " " + p.value());
 * }</pre>
 *
 * @param points the periods, oldest first; a period without data has an empty value
 */
public record Trend(List<Point> points) {
    /** Copies the points. */
    public Trend {
        points = List.copyOf(points);
    }

    /**
     * One period.
     *
     * @param label the window's label ({@code 2026-W47})
     * @param value the value in the metric's unit, empty for no data
     */
    public record Point(String label, OptionalDouble value) {
    }

    /** How many points have a value. */
    public long withData() {
        return points.stream().filter(p -> p.value().isPresent()).count();
    }
}
