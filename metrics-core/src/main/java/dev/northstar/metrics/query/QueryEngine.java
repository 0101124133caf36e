package dev.northstar.metrics.query;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.snapshot.Cell;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.Intersection;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.Sketch;

/**
 * Evaluates queries over a {@link Snapshot}: the one place where each kind's roll-up rule turns
 * cells into values. A registry's query is a snapshot of the window followed by this.
 *
 * <p>A bucket is used when it lies entirely inside the window. A bucket that straddles the
 * window's edge cannot be split, so it is left out and the result's coverage says so (unless it is
 * a day bucket whose data, all older than the fine retention, lies outside the window); so does a
 * window that starts before the retained data or cuts a day at an hour no longer kept by the hour.
 * A derived value's coverage is that of its parts.
 */
public final class QueryEngine {
    /** Standard deviations of the sketch bounds reported (about 95% confidence). */
    static final int BOUND_SD = 2;

    private QueryEngine() {
    }

    /** The span of time a query reads: its window, plus the retention offsets after it. */
    public static Interval reach(Query query, MetricDefinition<?> definition, ZoneId zone) {
        Interval i = interval(query).resolve(zone);
        if (definition.kind() == MetricKind.RETENTION) {
            int max = definition.retentionDays().stream().mapToInt(Integer::intValue).max().orElse(0);
            return new Interval(i.fromMillis(), shift(i.toMillis(), max, zone));
        }
        return i;
    }

    private static dev.northstar.metrics.time.Window interval(Query query) {
        if (query.window() == null) {
            throw new IllegalArgumentException("query of " + query.metric() + " has no window");
        }
        return query.window();
    }

    /** Runs a query over a snapshot. */
    public static QueryResult run(Snapshot snapshot, Query query) {
        Snapshot.MetricData data = snapshot.metric(query.metric());
        if (data == null) {
            throw new IllegalArgumentException("snapshot has no metric named " + query.metric());
        }
        MetricDefinition<?> def = data.definition();
        Interval interval = interval(query).resolve(snapshot.zone());
        List<String> notes = new ArrayList<>();
        List<Row> rows = switch (def.kind()) {
            case DERIVED -> derived(snapshot, query, def, notes);
            case RETENTION -> retention(snapshot, query, def, interval, notes);
            default -> toRows(def, query, collect(snapshot, data, query, interval, notes));
        };
        coverageNotes(snapshot, interval, notes);
        QueryResult.Coverage coverage = new QueryResult.Coverage(notes.isEmpty(),
                interval.toMillis() > snapshot.takenAtMillis(), notes.stream().distinct().toList());
        return new QueryResult(def.name(), def.kind(), interval, coverage, rows);
    }

    /** Per group, the series' cells merged across the window's buckets, then across series. */
    private static Map<List<String>, Cell> collect(Snapshot snapshot, Snapshot.MetricData data, Query query,
                                                   Interval interval, List<String> notes) {
        MetricDefinition<?> def = data.definition();
        long compactedBefore = fineRetainedFrom(snapshot);
        int[] groupIdx = indexes(def, query.groupBy());
        Map<Integer, Set<String>> filter = filterIndexes(def, query);
        Map<List<String>, Cell> perSeries = new HashMap<>();
        for (SeriesCells bucket : data.buckets()) {
            if (!interval.overlaps(bucket.startMillis(), bucket.endMillis())) {
                continue;
            }
            if (!interval.encloses(bucket.startMillis(), bucket.endMillis())) {
                // A day bucket only holds what is older than the fine retention (compacted fine
                // buckets, events too late for their own; the registry's clock never goes back, and
                // a merge keeps the latest time and the shortest retention): when that part of the
                // day lies outside the window, leaving the bucket out leaves nothing out.
                if (bucket.day() && !interval.overlaps(bucket.startMillis(),
                        Math.min(bucket.endMillis(), compactedBefore))) {
                    continue;
                }
                notes.add("a " + (bucket.day() ? "day" : "fine") + " bucket starting "
                        + Instant.ofEpochMilli(bucket.startMillis()) + " straddles the window edge and is left out");
                continue;
            }
            bucket.series().forEach((labels, cell) -> {
                if (matches(labels, filter)) {
                    perSeries.merge(labels, cell, Cell::merge);
                }
            });
        }
        Map<List<String>, Cell> groups = new TreeMap<>(SeriesCells::compareLabels);
        perSeries.forEach((labels, cell) -> {
            List<String> key = new ArrayList<>(groupIdx.length);
            for (int i : groupIdx) {
                key.add(labels.get(i));
            }
            groups.merge(key, cell, def.kind() == MetricKind.GAUGE ? QueryEngine::sumGauges : Cell::merge);
        });
        return groups;
    }

    /** Gauges add across series (each series already holds its last value in the window). */
    private static Cell sumGauges(Cell a, Cell b) {
        Cell.Gauge x = (Cell.Gauge) a;
        Cell.Gauge y = (Cell.Gauge) b;
        return new Cell.Gauge(saturatedAdd(x.value(), y.value()), Math.max(x.atMillis(), y.atMillis()));
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    private static List<Row> toRows(MetricDefinition<?> def, Query query, Map<List<String>, Cell> groups) {
        List<Row> rows = new ArrayList<>();
        if (groups.isEmpty() && query.groupBy().isEmpty()) {
            rows.add(new Row(Map.of(), empty(def, query)));
            return rows;
        }
        groups.forEach((key, cell) -> rows.add(new Row(groupMap(query, key), value(def, query, cell))));
        return rows;
    }

    private static Map<String, String> groupMap(Query query, List<String> key) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            m.put(query.groupBy().get(i), key.get(i));
        }
        return m;
    }

    /** The value of no data at all, by kind. */
    static Value empty(MetricDefinition<?> def, Query query) {
        return switch (def.kind()) {
            case COUNT -> new Value.Count(0);
            case SUM -> new Value.Sum(0);
            case RATIO -> new Value.Ratio(0, 0);
            case DISTRIBUTION -> new Value.Distribution(0, 0, 0, 0, Map.of(), def.significantDigits(),
                    def.headlineQuantile());
            case DISTINCT -> new Value.Distinct(0, 0, 0);
            case GAUGE -> new Value.Gauge(0, 0, false);
            case FUNNEL -> funnel(def, null);
            default -> throw new IllegalStateException("no empty value for " + def.kind());
        };
    }

    private static Value value(MetricDefinition<?> def, Query query, Cell cell) {
        switch (def.kind()) {
            case COUNT:
                return new Value.Count(((Cell.Longs) cell).column(0));
            case SUM:
                return new Value.Sum(((Cell.Longs) cell).column(0));
            case RATIO: {
                Cell.Longs l = (Cell.Longs) cell;
                return new Value.Ratio(l.column(0), l.column(1));
            }
            case DISTRIBUTION:
                return distribution(def, query, ((Cell.Distribution) cell).histogram());
            case DISTINCT:
                if (cell instanceof Cell.Hll hll) {
                    HllSketch s = hll.sketch();
                    return new Value.Distinct(s.getEstimate(), s.getLowerBound(BOUND_SD), s.getUpperBound(BOUND_SD));
                }
                Sketch t = ((Cell.Theta) cell).columns().get(0);
                return new Value.Distinct(t.getEstimate(), t.getLowerBound(BOUND_SD), t.getUpperBound(BOUND_SD));
            case GAUGE: {
                Cell.Gauge g = (Cell.Gauge) cell;
                return new Value.Gauge(g.value(), g.atMillis(), true);
            }
            case FUNNEL:
                return funnel(def, (Cell.Theta) cell);
            default:
                throw new IllegalStateException("no cell value for " + def.kind());
        }
    }

    private static Value distribution(MetricDefinition<?> def, Query query, Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Value.Distribution(0, 0, 0, 0, Map.of(), def.significantDigits(), def.headlineQuantile());
        }
        Map<Double, Long> qs = new TreeMap<>();
        for (double q : query.quantiles()) {
            qs.put(q, h.getValueAtPercentile(q * 100));
        }
        qs.put(def.headlineQuantile(), h.getValueAtPercentile(def.headlineQuantile() * 100));
        return new Value.Distribution(h.getTotalCount(), h.getMinValue(), h.getMaxValue(), h.getMean(), qs,
                def.significantDigits(), def.headlineQuantile());
    }

    private static Value funnel(MetricDefinition<?> def, Cell.Theta cell) {
        List<String> names = def.steps();
        List<Value.Step> steps = new ArrayList<>();
        Intersection running = SetOperation.builder().buildIntersection();
        double first = 0;
        double firstLow = 0;
        double firstHigh = 0;
        double previous = 0;
        for (int k = 0; k < names.size(); k++) {
            double est = 0;
            double lo = 0;
            double hi = 0;
            if (cell != null) {
                running.intersect(cell.columns().get(k));
                CompactSketch reached = running.getResult();
                est = reached.getEstimate();
                lo = reached.getLowerBound(BOUND_SD);
                hi = reached.getUpperBound(BOUND_SD);
            }
            if (k == 0) {
                first = est;
                firstLow = lo;
                firstHigh = hi;
            }
            OptionalDouble fromStart = first > 0 ? OptionalDouble.of(est / first) : OptionalDouble.empty();
            OptionalDouble fromPrevious = previous > 0 && k > 0 ? OptionalDouble.of(est / previous)
                    : k == 0 && est > 0 ? OptionalDouble.of(1) : OptionalDouble.empty();
            double low = firstHigh > 0 ? Math.min(1, lo / firstHigh) : 0;
            double high = firstLow > 0 ? Math.min(1, hi / firstLow) : first > 0 ? 1 : 0;
            steps.add(new Value.Step(names.get(k), est, lo, hi, fromStart, fromPrevious, low, high));
            previous = est;
        }
        return new Value.Funnel(steps);
    }

    private static List<Row> retention(Snapshot snapshot, Query query, MetricDefinition<?> def, Interval interval,
                                       List<String> notes) {
        Snapshot.MetricData data = snapshot.metric(def.name());
        ZoneId zone = snapshot.zone();
        Map<List<String>, Cell> cohorts = collect(snapshot, data, query, interval, notes);
        Map<Integer, Map<List<String>, Cell>> activity = new TreeMap<>();
        for (int days : def.retentionDays()) {
            Interval shifted = new Interval(shift(interval.fromMillis(), days, zone),
                    shift(interval.toMillis(), days, zone));
            activity.put(days, collect(snapshot, data, query, shifted, new ArrayList<>()));
        }
        List<Row> rows = new ArrayList<>();
        Set<List<String>> keys = cohorts.keySet();
        if (keys.isEmpty() && query.groupBy().isEmpty()) {
            keys = Set.of(List.of());
        }
        for (List<String> key : keys) {
            Cell.Theta cohortCell = (Cell.Theta) cohorts.get(key);
            CompactSketch cohort = cohortCell == null ? null : cohortCell.columns().get(0);
            double size = cohort == null ? 0 : cohort.getEstimate();
            List<Value.Offset> offsets = new ArrayList<>();
            for (int days : def.retentionDays()) {
                Cell.Theta act = (Cell.Theta) activity.get(days).get(key);
                long shiftedEnd = shift(interval.toMillis(), days, zone);
                boolean matured = shiftedEnd <= snapshot.takenAtMillis();
                if (cohort == null || size == 0 || act == null) {
                    offsets.add(new Value.Offset(days, 0,
                            size > 0 ? OptionalDouble.of(0) : OptionalDouble.empty(), 0, 0, matured));
                    continue;
                }
                Intersection inter = SetOperation.builder().buildIntersection();
                inter.intersect(cohort);
                inter.intersect(act.columns().get(1));
                CompactSketch kept = inter.getResult();
                double est = kept.getEstimate();
                double low = Math.min(1, kept.getLowerBound(BOUND_SD) / cohort.getUpperBound(BOUND_SD));
                double high = Math.min(1, kept.getUpperBound(BOUND_SD) / Math.max(1e-9, cohort.getLowerBound(BOUND_SD)));
                offsets.add(new Value.Offset(days, est, OptionalDouble.of(est / size), low, high, matured));
            }
            rows.add(new Row(groupMap(query, key), new Value.Retention(size, offsets)));
        }
        return rows;
    }

    private static List<Row> derived(Snapshot snapshot, Query query, MetricDefinition<?> def, List<String> notes) {
        Map<String, Map<List<String>, OptionalDouble>> parts = new LinkedHashMap<>();
        Map<String, OptionalDouble> nothing = new HashMap<>();
        Map<List<String>, Map<String, String>> groups = new TreeMap<>(SeriesCells::compareLabels);
        for (String ref : def.formula().references()) {
            Query sub = Query.of(ref).window(query.window());
            for (Map.Entry<String, Set<String>> f : query.filter().entrySet()) {
                sub = sub.where(f.getKey(), f.getValue().toArray());
            }
            sub = sub.groupBy(query.groupBy().toArray(new String[0]));
            QueryResult r = run(snapshot, sub);
            notes.addAll(r.coverage().notes()); // a part that left data out leaves it out of the formula too
            Map<List<String>, OptionalDouble> byGroup = new HashMap<>();
            for (Row row : r.rows()) {
                List<String> key = List.copyOf(row.group().values());
                byGroup.put(key, row.value().value());
                groups.put(key, row.group());
            }
            parts.put(ref, byGroup);
            nothing.put(ref, nothing(snapshot.metric(ref).definition(), sub));
        }
        if (groups.isEmpty() && query.groupBy().isEmpty()) {
            groups.put(List.of(), Map.of());
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, labels) -> {
            Map<String, OptionalDouble> values = new LinkedHashMap<>();
            parts.forEach((ref, byGroup) -> values.put(ref, byGroup.getOrDefault(key, nothing.get(ref))));
            OptionalDouble result = def.formula().evaluate(values::get);
            rows.add(new Row(labels, new Value.Derived(result, values)));
        });
        return rows;
    }

    /**
     * The value of a formula part in a group where it has no row: what the part's kind is worth
     * over no data, as it is without group-by (zero for counts, sums and distinct counts, so that
     * net TPV = TPV - refunds is TPV in a group without refunds; empty for the others).
     */
    private static OptionalDouble nothing(MetricDefinition<?> def, Query query) {
        if (def.kind() == MetricKind.DERIVED || def.kind() == MetricKind.RETENTION) {
            return OptionalDouble.empty();
        }
        return empty(def, query).value();
    }

    private static void coverageNotes(Snapshot snapshot, Interval interval, List<String> notes) {
        ZoneId zone = snapshot.zone();
        if (snapshot.takenAtMillis() == Long.MIN_VALUE || snapshot.dayRetention() == Integer.MAX_VALUE) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(snapshot.takenAtMillis()), zone);
        long dayRetainedFrom = today.minusDays(snapshot.dayRetention() - 1L).atStartOfDay(zone).toInstant().toEpochMilli();
        long fineRetainedFrom = fineRetainedFrom(snapshot);
        if (interval.fromMillis() < dayRetainedFrom) {
            notes.add("window starts before the retained days (" + snapshot.dayRetention() + " days kept)");
        }
        long fromDayStart = dayStart(interval.fromMillis(), zone);
        long toDayStart = dayStart(interval.toMillis(), zone);
        boolean partialFirstDay = fromDayStart != interval.fromMillis();
        boolean partialLastDay = toDayStart != interval.toMillis();
        // the window's part of its last day starts at that day's start or, if the window starts
        // within that same day, at the window's start: only that part needs the hourly detail
        if ((partialFirstDay && interval.fromMillis() < fineRetainedFrom)
                || (partialLastDay && Math.max(interval.fromMillis(), toDayStart) < fineRetainedFrom)) {
            notes.add("window cuts a day whose hourly detail is already compacted into the day");
        }
    }

    /**
     * Start of the oldest fine bucket the snapshot's source still kept when it was taken; before it,
     * data may have been compacted into days. Unknown (the end of time) for a snapshot without a
     * clock or fine retention, such as {@link Snapshot#empty}.
     */
    private static long fineRetainedFrom(Snapshot snapshot) {
        long grain = snapshot.grainMillis();
        if (snapshot.takenAtMillis() == Long.MIN_VALUE || grain <= 0
                || snapshot.fineRetentionBuckets() >= Long.MAX_VALUE / grain) {
            return Long.MAX_VALUE;
        }
        long taken = snapshot.takenAtMillis();
        // fine buckets sit on the grid of the zone's offsets (buckets start at :30 UTC in a +05:30 zone)
        long offset = snapshot.zone().getRules().getOffset(Instant.ofEpochMilli(taken)).getTotalSeconds() * 1000L;
        long anchor = -Math.floorMod(offset, grain);
        long current = anchor + Math.floorDiv(taken - anchor, grain) * grain;
        return current - (snapshot.fineRetentionBuckets() - 1) * grain;
    }

    private static long dayStart(long millis, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** {@code millis} moved by {@code days} calendar days in {@code zone}. */
    static long shift(long millis, int days, ZoneId zone) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone).plusDays(days).toInstant().toEpochMilli();
    }

    private static int[] indexes(MetricDefinition<?> def, List<String> names) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dimensionIndex(def, names.get(i));
        }
        return out;
    }

    private static Map<Integer, Set<String>> filterIndexes(MetricDefinition<?> def, Query query) {
        Map<Integer, Set<String>> out = new HashMap<>();
        query.filter().forEach((dim, labels) -> out.put(dimensionIndex(def, dim), labels));
        return out;
    }

    private static int dimensionIndex(MetricDefinition<?> def, String name) {
        List<Dimension<?>> dims = def.dimensions();
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("metric " + def.name() + " has no dimension " + name);
    }

    private static boolean matches(List<String> labels, Map<Integer, Set<String>> filter) {
        for (Map.Entry<Integer, Set<String>> f : filter.entrySet()) {
            if (!f.getValue().contains(labels.get(f.getKey()))) {
                return false;
            }
        }
        return true;
    }

}
