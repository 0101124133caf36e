package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.internal.Cells;
import dev.northstar.metrics.internal.CoarseClock;
import dev.northstar.metrics.internal.Page;
import dev.northstar.metrics.internal.SeriesIndex;
import dev.northstar.metrics.internal.Store;
import dev.northstar.metrics.internal.TimeGrid;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.snapshot.Cell;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Interval;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One per host application: the metric definitions and their storage, the clock, the zone whose
 * calendar days windows are cut in, and the retention of each time grain.
 *
 * <pre>{@code
 * MetricRegistry registry = MetricRegistry.builder()
 *         .zone(ZoneId.of("Asia/Shanghai"))
 *         .build();
 * CountMetric payments = registry.register(MetricDefinition.count("payments")
 *         .description("Payment attempts").dimensions(channel).build());
 * payments.increment(payments.series(Channel.QR_SCAN));
 * QueryResult today = registry.query(Query.of(payments).window(Window.day(LocalDate.now())));
 * }</pre>
 *
 * <p>Storage keeps fine buckets (an hour by default) for the fine retention (48 hours by
 * default), compacts closed ones into calendar days, and keeps days for the day retention (400
 * days by default, enough for same-week-last-year comparisons). Memory is bounded by definition:
 * per metric, series limit × retained buckets × cell size.
 *
 * <p>The registry is thread-safe. Recording never blocks and, in the default
 * {@link Mode#LENIENT} mode, never throws: bad input is refused, counted in {@link #health()} and
 * logged at most once a minute.
 */
public final class MetricRegistry {
    private final ZoneId zone;
    private final Store store;
    private final HealthCounters health;
    private final int maxMetrics;
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
    private final List<Metric> byId = new ArrayList<>();

    private MetricRegistry(Builder b) {
        this.zone = b.zone;
        this.health = new HealthCounters(b.mode);
        this.maxMetrics = b.maxMetrics;
        TimeGrid grid = new TimeGrid(b.zone, b.grain);
        long fineBuckets = b.fineRetention.toMillis() / grid.grainMillis();
        if (fineBuckets < 1) {
            throw new IllegalArgumentException("fine retention must hold at least one bucket");
        }
        InstantSource clock = b.clock != null ? b.clock : CoarseClock.system();
        this.store = new Store(grid, clock, health, b.maxMetrics, fineBuckets, b.dayRetention,
                b.maxFutureSkew.toMillis());
    }

    /** A builder with the defaults: UTC, coarse system clock, hour grain, 48 h, 400 days. */
    public static Builder builder() {
        return new Builder();
    }

    Store store() {
        return store;
    }

    HealthCounters healthCounters() {
        return health;
    }

    /** The zone whose calendar days define day, week and month windows. */
    public ZoneId zone() {
        return zone;
    }

    /** The registry's clock. */
    public InstantSource clock() {
        return store.clock();
    }

    /**
     * Registers a definition and returns its typed handle. Registering an equal definition again
     * returns the same handle.
     *
     * @throws IllegalArgumentException if another definition has the same name, a derived
     *                                  metric refers to an unregistered metric, a metric that
     *                                  numbers its series as another comes before it, or the
     *                                  registry is full
     */
    @SuppressWarnings("unchecked")
    public synchronized <H extends Metric> H register(MetricDefinition<H> definition) {
        Objects.requireNonNull(definition, "definition");
        Metric existing = metrics.get(definition.name());
        if (existing != null) {
            if (existing.definition().equals(definition)) {
                return (H) existing;
            }
            throw new IllegalArgumentException("metric " + definition.name()
                    + " is already registered with a different definition: " + existing.definition());
        }
        if (definition.kind() == MetricKind.DERIVED) {
            for (String ref : definition.formula().references()) {
                if (!metrics.containsKey(ref)) {
                    throw new IllegalArgumentException("metric " + definition.name() + ": formula refers to "
                            + ref + ", which is not registered");
                }
            }
        }
        if (byId.size() == maxMetrics) {
            throw new IllegalArgumentException("registry is full: " + maxMetrics + " metrics");
        }
        int id = byId.size();
        SeriesIndex index = seriesIndex(definition);
        Metric handle = switch (definition.kind()) {
            case COUNT -> new CountMetric(this, definition, id, index);
            case SUM -> new SumMetric(this, definition, id, index);
            case RATIO -> new RatioMetric(this, definition, id, index);
            case DISTRIBUTION -> new DistributionMetric(this, definition, id, index);
            case DISTINCT -> new DistinctMetric(this, definition, id, index);
            case GAUGE -> new GaugeMetric(this, definition, id, index);
            case DERIVED -> new DerivedMetric(this, definition, id, index);
            case FUNNEL -> new FunnelMetric(this, definition, id, index);
            case RETENTION -> new RetentionMetric(this, definition, id, index);
        };
        if (definition.kind().stored()) {
            store.register(id, handle.factory, index.capacity());
        }
        byId.add(handle);
        metrics.put(definition.name(), handle);
        return (H) handle;
    }

    /** A new series index, or the one of the metric the definition numbers its series as. */
    private SeriesIndex seriesIndex(MetricDefinition<?> definition) {
        if (definition.seriesOf() == null) {
            int[] sizes = definition.dimensions().stream().mapToInt(Dimension::size).toArray();
            return new SeriesIndex(sizes, definition.seriesLimit());
        }
        Metric source = metrics.get(definition.seriesOf());
        if (source == null || !source.definition().dimensions().equals(definition.dimensions())
                || source.definition().seriesLimit() != definition.seriesLimit()) {
            throw new IllegalArgumentException("metric " + definition.name() + " numbers its series as "
                    + definition.seriesOf() + ": register " + definition.seriesOf()
                    + (source == null ? " first" : " with the same dimensions and series limit"));
        }
        return source.index;
    }

    /** The handle of a registered metric. */
    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(metrics.get(name));
    }

    /** Every registered definition, in registration order. */
    public synchronized List<MetricDefinition<?>> definitions() {
        return byId.stream().<MetricDefinition<?>>map(Metric::definition).toList();
    }

    /**
     * The time bucket of {@code epochMillis}, resolved once for a business event that feeds
     * several metrics; null if the time is refused (too old, too far in the future), which is
     * counted once here.
     */
    public Bucket bucketAt(long epochMillis) {
        return store.at(epochMillis);
    }

    /** The time bucket of the clock's now. */
    public Bucket bucketNow() {
        return store.now();
    }

    /** The registry's own counters. */
    public Health health() {
        Map<String, Long> folded = new TreeMap<>();
        Map<String, Integer> series = new TreeMap<>();
        Map<String, Long> foldedSeries = new TreeMap<>();
        for (Metric m : snapshotOfHandles()) {
            for (Dimension<?> d : m.definition().dimensions()) {
                if (d instanceof OpenDimension open) {
                    folded.put(d.name(), open.folded());
                }
            }
            if (m.definition().kind().stored()) {
                series.put(m.name(), m.index.seriesCount());
                foldedSeries.put(m.name(), m.index.folded());
            }
        }
        return new Health(health.refusedCounts(), health.lateCount(), health.unknown(), folded, series,
                foldedSeries);
    }

    private synchronized List<Metric> snapshotOfHandles() {
        return List.copyOf(byId);
    }

    /** Runs a query over the registry's current data. */
    public QueryResult query(Query query) {
        return QueryEngine.run(snapshotFor(query), query);
    }

    /** The snapshot a query needs: its metric and what it refers to, over its reach in time. */
    private Snapshot snapshotFor(Query query) {
        Metric m = metrics.get(query.metric());
        if (m == null) {
            throw new IllegalArgumentException("no metric named " + query.metric());
        }
        Set<String> names = new LinkedHashSet<>();
        collectReferences(m.definition(), names);
        Interval reach = QueryEngine.reach(query, m.definition(), zone);
        return snapshot(names, reach.fromMillis(), reach.toMillis());
    }

    private void collectReferences(MetricDefinition<?> d, Set<String> out) {
        if (!out.add(d.name()) || d.kind() != MetricKind.DERIVED) {
            return;
        }
        for (String ref : d.formula().references()) {
            collectReferences(metrics.get(ref).definition(), out);
        }
    }

    /** A snapshot of every metric and every retained bucket. */
    public Snapshot snapshot() {
        return snapshot(metrics.keySet(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A snapshot of the buckets overlapping {@code [fromMillis, toMillis)} of the named metrics. */
    public Snapshot snapshot(Collection<String> metricNames, long fromMillis, long toMillis) {
        List<Metric> wanted = new ArrayList<>();
        for (String name : metricNames) {
            Metric m = metrics.get(name);
            if (m == null) {
                throw new IllegalArgumentException("no metric named " + name);
            }
            wanted.add(m);
        }
        long takenAt = store.clock().millis();
        Map<String, List<SeriesCells>> buckets;
        Store.Pages pages;
        do { // copied outside the store's lock; again if a compaction moved data meanwhile
            pages = store.pages(fromMillis, toMillis);
            buckets = new HashMap<>();
            for (Page page : pages.list()) {
                for (Metric m : wanted) {
                    Cells cells = page.cellsIfPresent(m.id);
                    if (cells != null) {
                        SeriesCells sc = read(m, page, cells);
                        if (!sc.series().isEmpty()) {
                            buckets.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(sc);
                        }
                    }
                }
            }
        } while (pages.compactedSince());
        Map<String, Snapshot.MetricData> data = new LinkedHashMap<>();
        for (Metric m : wanted) {
            data.put(m.name(), new Snapshot.MetricData(m.definition(), buckets.getOrDefault(m.name(), List.of())));
        }
        return new Snapshot(zone, store.grid().grainMillis(), store.fineRetentionBuckets(), store.dayRetention(),
                takenAt, data);
    }

    private static SeriesCells read(Metric m, Page page, Cells cells) {
        Map<List<String>, Cell> series = new HashMap<>();
        List<Dimension<?>> dims = m.definition().dimensions();
        for (int slot = 0; slot < m.index.capacity(); slot++) {
            if (!cells.touched(slot)) {
                continue;
            }
            int[] codes = m.index.codes(slot);
            String[] labels = new String[dims.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = codes == null ? Dimension.OTHER : dims.get(i).label(codes[i]);
            }
            series.merge(Arrays.asList(labels), cells.read(slot), Cell::merge);
        }
        return new SeriesCells(page.day, page.start, page.end(), series);
    }

    /**
     * Configures a registry.
     */
    public static final class Builder {
        private ZoneId zone = ZoneOffset.UTC;
        private InstantSource clock;
        private Duration grain = Duration.ofHours(1);
        private Duration fineRetention = Duration.ofHours(48);
        private int dayRetention = 400;
        private Duration maxFutureSkew = Duration.ofMinutes(5);
        private Mode mode = Mode.LENIENT;
        private int maxMetrics = 1024;

        private Builder() {
        }

        /** The zone whose calendar days define windows (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /** The clock (default: the system clock at millisecond resolution); inject one for tests. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The fine bucket length: whole minutes dividing an hour (default one hour). */
        public Builder grain(Duration grain) {
            this.grain = Objects.requireNonNull(grain);
            return this;
        }

        /** How long fine buckets are kept before compaction into days (default 48 hours). */
        public Builder fineRetention(Duration retention) {
            this.fineRetention = Objects.requireNonNull(retention);
            return this;
        }

        /** How many calendar days are kept (default 400). */
        public Builder dayRetention(int days) {
            if (days < 1 || days > 5000) {
                throw new IllegalArgumentException("day retention must be 1..5000 days, was " + days);
            }
            this.dayRetention = days;
            return this;
        }

        /** How far ahead of the clock an event time may be (default five minutes). */
        public Builder maxFutureSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("future skew must not be negative");
            }
            this.maxFutureSkew = skew;
            return this;
        }

        /** What to do with bad input (default {@link Mode#LENIENT}). */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        /** Most metrics the registry may hold (default 1024). */
        public Builder maxMetrics(int max) {
            if (max < 1 || max > 1 << 16) {
                throw new IllegalArgumentException("max metrics must be 1..65536, was " + max);
            }
            this.maxMetrics = max;
            return this;
        }

        /** Builds the registry. */
        public MetricRegistry build() {
            return new MetricRegistry(this);
        }
    }
}
