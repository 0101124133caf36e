package dev.northstar.metrics.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.acceptance.RawEvents.Labelled;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The expected answer to a query of a {@link PaymentMetrics} metric, computed from the raw events
 * alone, and the check that a {@link QueryResult} agrees with it: exactly for counts, sums, ratios,
 * gauges and derived values; within HdrHistogram precision for distribution quantiles; within
 * three relative standard errors for HLL distinct counts; and within the bounds the result reports
 * for Theta distinct counts, funnels and retention (which, below the sketch size, are exact).
 */
public final class BruteForce {
    /** Relative standard error of an HLL sketch of lgK 12: 1.04 / sqrt(4096). */
    public static final double HLL_RSE = 1.04 / Math.sqrt(1 << 12);
    /** Quantiles asked of the latency distribution. */
    public static final double[] QUANTILES = {0.25, 0.5, 0.9, 0.99, 1.0};
    private static final double RATIO_SLACK = 1e-12;

    private final RawEvents truth;
    private final ZoneId zone;
    private final long nowMillis;

    /**
     * @param truth     the raw events
     * @param zone      the registry's zone (for retention offsets)
     * @param nowMillis the clock when the data was taken (for in-progress and matured flags)
     */
    public BruteForce(RawEvents truth, ZoneId zone, long nowMillis) {
        this.truth = truth;
        this.zone = zone;
        this.nowMillis = nowMillis;
    }

    /** The query the properties ask of a metric over a window and slice. */
    public static Query query(String metric, Window window, Slice slice) {
        Query q = slice.applyTo(Query.of(metric).window(window));
        return metric.equals(PaymentMetrics.LATENCY) ? q.quantiles(QUANTILES) : q;
    }

    /** Asserts that {@code result}, the answer over {@code window} and {@code slice}, agrees with the raw events. */
    public void assertAgrees(QueryResult result, Window window, Slice slice) {
        Interval interval = window.resolve(zone);
        String ctx = result.metric() + " over " + window.label() + " " + interval + ", " + slice;
        assertThat(result.interval()).as(ctx + ": interval").isEqualTo(interval);
        assertThat(result.coverage().inProgress()).as(ctx + ": in progress").isEqualTo(interval.toMillis() > nowMillis);
        Map<List<String>, Value> rows = rows(result, slice, ctx);
        Map<List<String>, List<Labelled>> groups = truth.select(interval, slice);
        switch (result.metric()) {
            case PaymentMetrics.PAYMENTS -> assertAdditive(rows, groups, ctx, p -> p.success() ? 1 : 0,
                    v -> ((Value.Count) v).count());
            case PaymentMetrics.TPV -> assertAdditive(rows, groups, ctx, p -> p.success() ? p.amount() : 0,
                    v -> ((Value.Sum) v).sum());
            case PaymentMetrics.REFUNDS -> assertAdditive(rows, groups, ctx, Payment::refund,
                    v -> ((Value.Sum) v).sum());
            case PaymentMetrics.SUCCESS_RATE -> assertRatio(rows, groups, ctx);
            case PaymentMetrics.AVERAGE_TICKET -> assertDerived(rows, groups, slice, ctx,
                    List.of(p -> p.success() ? p.amount() : 0, p -> p.success() ? 1 : 0),
                    parts -> parts[1] == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) parts[0] / parts[1]));
            case PaymentMetrics.NET_TPV -> assertDerived(rows, groups, slice, ctx,
                    List.of(p -> p.success() ? p.amount() : 0, Payment::refund),
                    parts -> OptionalDouble.of((double) parts[0] - (double) parts[1]));
            case PaymentMetrics.BALANCE -> assertGauge(rows, groups, slice, ctx);
            case PaymentMetrics.LATENCY -> assertDistribution(rows, groups, slice, ctx);
            case PaymentMetrics.PAYERS -> assertDistinct(rows, groups, slice, ctx, false);
            case PaymentMetrics.PAYERS_THETA -> assertDistinct(rows, groups, slice, ctx, true);
            case PaymentMetrics.CHECKOUT -> assertFunnel(rows, groups, slice, ctx);
            case PaymentMetrics.PAYER_RETENTION -> assertRetention(rows, groups, slice, ctx, interval);
            default -> throw new IllegalArgumentException("not a payment metric: " + result.metric());
        }
    }

    /** Rows by group key; one unlabelled row without group-by; keys in label order, each once. */
    private static Map<List<String>, Value> rows(QueryResult result, Slice slice, String ctx) {
        Map<List<String>, Value> out = new LinkedHashMap<>();
        List<String> previous = null;
        for (Row row : result.rows()) {
            assertThat(row.group().keySet()).as(ctx + ": group-by of a row").containsExactlyElementsOf(slice.groupBy());
            List<String> key = List.copyOf(row.group().values());
            if (previous != null) {
                assertThat(compare(previous, key)).as(ctx + ": rows sorted by labels, " + previous + " before " + key)
                        .isNegative();
            }
            previous = key;
            out.put(key, row.value());
        }
        if (slice.groupBy().isEmpty()) {
            assertThat(out).as(ctx + ": an ungrouped query has one row").hasSize(1);
        }
        return out;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static long total(List<Labelled> events, ToLongFunction<Payment> part) {
        long sum = 0;
        for (Labelled e : events) {
            sum += part.applyAsLong(e.payment());
        }
        return sum;
    }

    /** Count and sum: the total per group, exactly; a group with nothing is the same as no row. */
    private static void assertAdditive(Map<List<String>, Value> rows, Map<List<String>, List<Labelled>> groups,
                                       String ctx, ToLongFunction<Payment> part, ToLongFunction<Value> actual) {
        Map<List<String>, Long> expected = new HashMap<>();
        groups.forEach((key, events) -> {
            long v = total(events, part);
            if (v != 0) {
                expected.put(key, v);
            }
        });
        Map<List<String>, Long> got = new HashMap<>();
        rows.forEach((key, value) -> {
            long v = actual.applyAsLong(value);
            if (v != 0) {
                got.put(key, v);
            }
        });
        assertThat(got).as(ctx).isEqualTo(expected);
    }

    /** Ratio: numerator and denominator per group, exactly. */
    private static void assertRatio(Map<List<String>, Value> rows, Map<List<String>, List<Labelled>> groups,
                                    String ctx) {
        Map<List<String>, List<Long>> expected = new HashMap<>();
        groups.forEach((key, events) -> expected.put(key, List.of(total(events, p -> p.success() ? 1 : 0),
                (long) events.size())));
        Map<List<String>, List<Long>> got = new HashMap<>();
        rows.forEach((key, value) -> {
            Value.Ratio r = (Value.Ratio) value;
            if (r.denominator() != 0 || r.numerator() != 0) {
                got.put(key, List.of(r.numerator(), r.denominator()));
            }
            assertThat(r.value()).as(ctx + ": ratio value of " + key)
                    .isEqualTo(r.denominator() == 0 ? OptionalDouble.empty()
                            : OptionalDouble.of((double) r.numerator() / r.denominator()));
        });
        assertThat(got).as(ctx).isEqualTo(expected);
    }

    /**
     * Derived: the formula over each group's exact parts. A group appears when any part has data
     * there; a part with no data in a group counts as that kind's empty value (zero for counts and
     * sums), as it does without group-by.
     */
    private static void assertDerived(Map<List<String>, Value> rows, Map<List<String>, List<Labelled>> groups,
                                      Slice slice, String ctx, List<ToLongFunction<Payment>> parts,
                                      Function<long[], OptionalDouble> formula) {
        Map<List<String>, OptionalDouble> expected = new HashMap<>();
        groups.forEach((key, events) -> {
            long[] values = new long[parts.size()];
            boolean any = false;
            for (int i = 0; i < values.length; i++) {
                values[i] = total(events, parts.get(i));
                any |= values[i] != 0;
            }
            if (any) {
                expected.put(key, formula.apply(values));
            }
        });
        if (slice.groupBy().isEmpty() && expected.isEmpty()) {
            expected.put(List.of(), formula.apply(new long[parts.size()]));
        }
        Map<List<String>, OptionalDouble> got = new HashMap<>();
        rows.forEach((key, value) -> got.put(key, ((Value.Derived) value).result()));
        assertThat(got).as(ctx).isEqualTo(expected);
    }

    /** Gauge: per series the last value by event time (the larger at equal times), summed over the group's series. */
    private static void assertGauge(Map<List<String>, Value> rows, Map<List<String>, List<Labelled>> groups,
                                    Slice slice, String ctx) {
        Map<List<String>, Value> expected = new HashMap<>();
        groups.forEach((key, events) -> {
            Map<List<String>, Payment> last = new HashMap<>();
            for (Labelled e : events) {
                last.merge(e.labels(), e.payment(), (a, b) -> a.atMillis() != b.atMillis()
                        ? (a.atMillis() > b.atMillis() ? a : b) : (a.balance() >= b.balance() ? a : b));
            }
            long level = last.values().stream().mapToLong(Payment::balance).sum();
            long asOf = last.values().stream().mapToLong(Payment::atMillis).max().orElseThrow();
            expected.put(key, new Value.Gauge(level, asOf, true));
        });
        if (slice.groupBy().isEmpty() && expected.isEmpty()) {
            expected.put(List.of(), new Value.Gauge(0, 0, false));
        }
        assertThat(rows).as(ctx).isEqualTo(expected);
    }

    /**
     * Distribution: exact sample count; each quantile within one part in 10^digits of the exact
     * nearest-rank quantile (HdrHistogram's definition: the value of rank ceil(q * n), reported as
     * the highest value equivalent to it); min, max and mean within the same precision.
     */
    private static void assertDistribution(Map<List<String>, Value> rows, Map<List<String>, List<Labelled>> groups,
                                           Slice slice, String ctx) {
        Set<List<String>> expectedKeys = new HashSet<>(groups.keySet());
        if (slice.groupBy().isEmpty()) {
            expectedKeys.add(List.of());
        }
        assertThat(rows.keySet()).as(ctx + ": groups").isEqualTo(expectedKeys);
        rows.forEach((key, value) -> {
            Value.Distribution d = (Value.Distribution) value;
            List<Labelled> events = groups.getOrDefault(key, List.of());
            String at = ctx + ", group " + key;
            assertThat(d.count()).as(at + ": count").isEqualTo(events.size());
            if (events.isEmpty()) {
                assertThat(d.value()).as(at + ": no samples, no value").isEmpty();
                return;
            }
            long[] sorted = events.stream().mapToLong(e -> e.payment().latencyMicros()).sorted().toArray();
            double precision = Math.pow(10, -d.significantDigits());
            int n = sorted.length;
            for (double q : QUANTILES) {
                long reported = (long) d.quantile(q).orElseThrow();
                // the rank is ceil(q * n); where q * n is a whole number, floating point may land either side
                long lowRank = Math.max(1, (long) Math.ceil(q * n - 1e-9));
                long highRank = Math.max(1, Math.min(n, (long) Math.ceil(q * n + 1e-9)));
                boolean ok = false;
                for (long rank = lowRank; rank <= highRank; rank++) {
                    long exact = sorted[(int) rank - 1];
                    ok |= Math.abs(reported - exact) <= exact * precision;
                }
                assertThat(ok).as(at + ": quantile " + q + " reported " + reported + ", exact value of rank "
                        + lowRank + ".." + highRank + " is " + sorted[(int) lowRank - 1] + ".."
                        + sorted[(int) highRank - 1] + " (precision " + precision + ")").isTrue();
            }
            assertThat((double) d.min()).as(at + ": min").isCloseTo(sorted[0], within(sorted[0] * precision));
            assertThat((double) d.max()).as(at + ": max").isCloseTo(sorted[n - 1], within(sorted[n - 1] * precision));
            double mean = events.stream().mapToLong(e -> e.payment().latencyMicros()).average().orElseThrow();
            assertThat(d.mean()).as(at + ": mean").isCloseTo(mean, within(mean * precision));
        });
    }

    /** Distinct payers: HLL within 3 standard errors; Theta (exact below its size) within its bounds. */
    private static void assertDistinct(Map<List<String>, Value> rows, Map<List<String>, List<Labelled>> groups,
                                       Slice slice, String ctx, boolean theta) {
        Set<List<String>> expectedKeys = new HashSet<>(groups.keySet());
        if (slice.groupBy().isEmpty()) {
            expectedKeys.add(List.of());
        }
        assertThat(rows.keySet()).as(ctx + ": groups").isEqualTo(expectedKeys);
        rows.forEach((key, value) -> {
            Value.Distinct d = (Value.Distinct) value;
            long exact = groups.getOrDefault(key, List.of()).stream().mapToLong(e -> e.payment().payer())
                    .distinct().count();
            String at = ctx + ", group " + key + ": distinct payers";
            if (theta) {
                assertThat(d.lowerBound()).as(at + " lower bound").isLessThanOrEqualTo(exact);
                assertThat(d.upperBound()).as(at + " upper bound").isGreaterThanOrEqualTo(exact);
                assertThat(d.estimate()).as(at + " (below the sketch size, exact)").isEqualTo(exact);
            } else {
                assertThat(d.estimate()).as(at).isCloseTo(exact, within(3 * HLL_RSE * exact));
            }
        });
    }

    /** Funnel: per step, the exact ids seen at it and every step before lie within the reported bounds. */
    private static void assertFunnel(Map<List<String>, Value> rows, Map<List<String>, List<Labelled>> groups,
                                     Slice slice, String ctx) {
        Set<List<String>> expectedKeys = new HashSet<>(groups.keySet());
        if (slice.groupBy().isEmpty()) {
            expectedKeys.add(List.of());
        }
        assertThat(rows.keySet()).as(ctx + ": groups").isEqualTo(expectedKeys);
        rows.forEach((key, value) -> {
            List<Value.Step> steps = ((Value.Funnel) value).steps();
            assertThat(steps).as(ctx + ": steps").extracting(Value.Step::name)
                    .containsExactly("opened", "confirmed", "paid");
            List<Labelled> events = groups.getOrDefault(key, List.of());
            Set<Long> reached = null;
            long first = 0;
            for (int k = 0; k < steps.size(); k++) {
                int step = k;
                Set<Long> atStep = ids(events, e -> e.checkoutStep() == step);
                if (reached == null) {
                    reached = atStep;
                    first = atStep.size();
                } else {
                    reached.retainAll(atStep);
                }
                Value.Step s = steps.get(k);
                String at = ctx + ", group " + key + ", step " + s.name();
                assertThat((double) reached.size()).as(at + ": reached")
                        .isBetween(s.lowerBound(), s.upperBound());
                if (first == 0) {
                    assertThat(s.fromStart()).as(at + ": nobody started").isEmpty();
                } else {
                    double rate = (double) reached.size() / first;
                    assertThat(rate).as(at + ": conversion from start")
                            .isBetween(s.fromStartLow() - RATIO_SLACK, s.fromStartHigh() + RATIO_SLACK);
                    assertThat(s.fromStart().orElseThrow()).as(at + ": reported conversion")
                            .isBetween(s.fromStartLow() - RATIO_SLACK, s.fromStartHigh() + RATIO_SLACK);
                }
            }
        });
    }

    /**
     * Retention: the cohort is the payers who joined in the window; for each offset, the share of
     * it active in the window moved that many calendar days later lies within the reported bounds.
     */
    private void assertRetention(Map<List<String>, Value> rows, Map<List<String>, List<Labelled>> groups,
                                 Slice slice, String ctx, Interval window) {
        Map<Integer, Map<List<String>, List<Labelled>>> later = new HashMap<>();
        for (int days : PaymentMetrics.RETENTION_DAYS) {
            later.put(days, truth.select(RawEvents.shift(window, days, zone), slice));
        }
        Set<List<String>> cohortKeys = new HashSet<>();
        groups.forEach((key, events) -> {
            if (events.stream().anyMatch(e -> e.payment().joinsCohort())) {
                cohortKeys.add(key);
            }
        });
        assertThat(rows.keySet()).as(ctx + ": every group with a cohort has a row").containsAll(cohortKeys);
        rows.forEach((key, value) -> {
            Value.Retention r = (Value.Retention) value;
            Set<Long> cohort = ids(groups.getOrDefault(key, List.of()), Payment::joinsCohort);
            String at = ctx + ", group " + key;
            assertThat(r.cohort()).as(at + ": cohort (below the sketch size, exact)").isEqualTo(cohort.size());
            assertThat(r.offsets()).as(at + ": offsets").extracting(Value.Offset::days)
                    .containsExactlyElementsOf(PaymentMetrics.RETENTION_DAYS);
            for (Value.Offset o : r.offsets()) {
                String off = at + ", day " + o.days();
                Interval shifted = RawEvents.shift(window, o.days(), zone);
                assertThat(o.matured()).as(off + ": matured").isEqualTo(shifted.toMillis() <= nowMillis);
                if (cohort.isEmpty()) {
                    assertThat(o.rate()).as(off + ": empty cohort, no rate").isEmpty();
                    continue;
                }
                Set<Long> active = ids(later.get(o.days()).getOrDefault(key, List.of()), p -> !p.joinsCohort());
                Set<Long> kept = new HashSet<>(cohort);
                kept.retainAll(active);
                double rate = (double) kept.size() / cohort.size();
                assertThat(rate).as(off + ": retention rate")
                        .isBetween(o.lowerRate() - RATIO_SLACK, o.upperRate() + RATIO_SLACK);
                assertThat(o.rate().orElseThrow()).as(off + ": reported rate")
                        .isBetween(o.lowerRate() - RATIO_SLACK, o.upperRate() + RATIO_SLACK);
            }
        });
    }

    private static Set<Long> ids(List<Labelled> events, Predicate<Payment> which) {
        Set<Long> out = new HashSet<>();
        for (Labelled e : events) {
            if (which.test(e.payment())) {
                out.add(e.payment().payer());
            }
        }
        return out;
    }
}
