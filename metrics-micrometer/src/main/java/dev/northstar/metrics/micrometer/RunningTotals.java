package dev.northstar.metrics.micrometer;

import dev.northstar.metrics.time.Window;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counter values that only grow, per series (a group's labels): the totals of the calendar days
 * that ended since the binder began, carried forward, plus today's total so far.
 *
 * <p>Why carry rather than report today's total and let it fall to zero at midnight: Prometheus
 * would read that fall as a counter reset and lose what was recorded between the day's last
 * scrape and midnight, and Micrometer's step registries (Datadog, New Relic, CloudWatch, OTLP
 * delta...) report a function counter's change since the last poll, so the fall would be sent as
 * a large negative count. Carrying yesterday's full total, read once from the registry after the
 * day ends, loses nothing and never goes down.
 *
 * <p>Not thread-safe: the binder's {@link Refresher} runs it under its lock.
 */
final class RunningTotals {
    private final ZoneId zone;
    private LocalDate day;
    private final Map<List<String>, double[]> carried = new HashMap<>();
    private Map<List<String>, double[]> reported = Map.of();

    RunningTotals(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * The counter values as of {@code today}.
     *
     * @param today    today's date in the registry's zone
     * @param todays   today's totals so far, per series
     * @param ended    the totals per series over a window of days that have ended; asked once
     *                 when the day has changed since the last call, for all the days in between
     * @return per series, one value per total of the metric's kind; never lower than before. A
     *         clock set back is not a reason to go down: the values hold until it catches up.
     */
    Map<List<String>, double[]> advance(LocalDate today, Map<List<String>, long[]> todays,
                                        Function<Window, Map<List<String>, long[]>> ended) {
        if (day == null) {
            day = today;
        } else if (today.isBefore(day)) {
            return Map.copyOf(reported);
        } else if (today.isAfter(day)) {
            Window gap = Window.between(day.atStartOfDay(zone).toInstant(), today.atStartOfDay(zone).toInstant());
            ended.apply(gap).forEach((group, totals) -> add(carried.computeIfAbsent(group, g -> new double[totals.length]),
                    totals));
            day = today;
        }
        Map<List<String>, double[]> out = new HashMap<>();
        reported.forEach((group, values) -> out.put(group, values.clone()));
        carried.forEach((group, values) -> raise(out, group, values, null));
        todays.forEach((group, totals) -> raise(out, group, carried.get(group), totals));
        reported = out;
        return Map.copyOf(out);
    }

    private static void add(double[] into, long[] totals) {
        for (int i = 0; i < into.length; i++) {
            into[i] += totals[i];
        }
    }

    /** Raises a series' values to carried + today's where that is higher. */
    private static void raise(Map<List<String>, double[]> out, List<String> group, double[] carried, long[] today) {
        int n = carried != null ? carried.length : today.length;
        double[] values = out.computeIfAbsent(group, g -> new double[n]);
        for (int i = 0; i < n; i++) {
            double v = (carried == null ? 0 : carried[i]) + (today == null ? 0 : today[i]);
            values[i] = Math.max(values[i], v);
        }
    }
}
