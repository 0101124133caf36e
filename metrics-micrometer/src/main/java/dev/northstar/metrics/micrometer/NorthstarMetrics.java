package dev.northstar.metrics.micrometer;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.report.Exposition;
import dev.northstar.metrics.time.Window;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Binds Northstar metrics into a Micrometer {@link MeterRegistry}, so a host already on
 * Micrometer gets them in its Prometheus, Datadog or other backend without new plumbing.
 *
 * <pre>{@code
 * NorthstarMetrics.builder(registry)                        // the host's Northstar MetricRegistry
 *         .metrics("transactions", "tpv", "success_rate", "auth_latency", "active_payers")
 *         .groupBy("region")                                  // one series per region, tagged region=...
 *         .build()
 *         .bindTo(meterRegistry);                             // any MeterRegistry, e.g. Prometheus
 * }</pre>
 *
 * <h2>Meters</h2>
 * Each metric {@code m} becomes meters named {@code <prefix>m} (prefix {@code northstar.} unless
 * set), with the definition's description (and currency) as their description:
 * <ul>
 * <li>count, sum: a {@link FunctionCounter} {@code northstar.m};</li>
 * <li>ratio: a gauge {@code northstar.m} (the ratio over the window) and function counters
 *     {@code northstar.m.numerator} and {@code northstar.m.denominator}, so a backend can also
 *     divide their rates over any range of its own;</li>
 * <li>distribution: gauges {@code northstar.m} tagged {@code quantile=0.5, 0.9, 0.95, 0.99}
 *     (or the {@linkplain Builder#quantiles chosen} ones) and a function counter
 *     {@code northstar.m.count} of samples;</li>
 * <li>distinct, gauge, derived: a gauge {@code northstar.m};</li>
 * <li>funnel and retention are not exported ({@link Exposition#exposed}).</li>
 * </ul>
 * A time unit is the meters' base unit ({@code milliseconds}, {@code microseconds}), which the
 * Prometheus naming convention appends to the name. With Micrometer's Prometheus naming, the
 * names are the ones {@code OpenMetricsText} writes: {@code northstar_tpv_total},
 * {@code northstar_success_rate_numerator_total}, {@code northstar_auth_latency_milliseconds{quantile="0.99"}}.
 *
 * <h2>Windows and counters</h2>
 * Gauges read the {@linkplain Builder#window window} chosen afresh at every refresh from today's
 * date in the Northstar registry's zone, by its clock: by default the current calendar day, so
 * {@code northstar.active_payers} is today's active payers and falls back at midnight; a trailing
 * window ({@code today -> Window.trailingDays(7, today)}) makes it a weekly active count.
 *
 * <p>Counters do not restart at midnight. They count by calendar day and carry each ended day's
 * full total forward, read from the registry once the day is over, so they only grow: no event
 * between the day's last scrape and midnight is lost, Prometheus sees no counter reset, and
 * step-based registries (Datadog, New Relic, CloudWatch, OTLP delta), which send a function
 * counter's change since their last poll, never send a negative one. A counter starts at today's
 * total when bound; an event recorded after its day ended (late, but within retention) is not
 * carried; a clock set back holds the counters until it catches up.
 *
 * <h2>Cost</h2>
 * The first meter polled in a scrape refreshes the binder: one query per metric over the window,
 * and one over today when the window is not today (one more on the first scrape after midnight).
 * Every other meter of the scrape reads that result; a refresh is reused for
 * {@linkplain Builder#refreshEvery one second} of the registry's clock by default. Queries read
 * and never block the recording threads for longer than a bucket swap.
 *
 * <h2>Series</h2>
 * Without {@link Builder#groupBy}, each metric is one series (its total over all dimensions). With
 * it, each metric that has one of those dimensions gets a series per combination of their values
 * seen, tagged with the dimension names; a combination first recorded after binding gets its
 * meters at the next refresh, so it appears from the scrape after. A series whose values leave
 * the window reads as NaN (gauges) or keeps its value (counters).
 *
 * <h2>Failures and bad input</h2>
 * The builder refuses, with {@link IllegalArgumentException} naming the culprit: a metric name the
 * registry does not have, a funnel or retention metric named explicitly, a group-by dimension no
 * chosen metric has, a distribution grouped by a dimension named {@code quantile}, a dimension
 * whose name is also an extra tag's key, a quantile outside (0, 1], and a negative refresh
 * interval. A poll never throws into the host's scrape: a refresh that fails (a query, the window
 * function, a meter registration) is counted in {@link #failures()} and in the function counter
 * {@code northstar.meters.failures}, logged at WARN with the exception (at most once a minute),
 * and the meters keep their last values. A gauge with no value (no data in the window, a zero
 * denominator) reports NaN, which Micrometer's registries treat as "no value".
 *
 * <p>Thread-safe; one binder may be bound to several meter registries.
 */
public final class NorthstarMetrics implements MeterBinder {
    /** The default meter name prefix. */
    public static final String DEFAULT_PREFIX = "northstar.";

    private final MetricRegistry registry;
    private final List<ExportedMetric> metrics;
    private final Function<LocalDate, Window> window;
    private final String prefix;
    private final Tags tags;
    private final Failures failures;
    private final Refresher refresher;
    private final List<MeterRegistry> bound = new CopyOnWriteArrayList<>();
    private final Set<Series> registered = ConcurrentHashMap.newKeySet();

    /** One series of one metric, registered in every bound meter registry. */
    private record Series(ExportedMetric metric, List<String> group) {
    }

    private NorthstarMetrics(Builder b, List<ExportedMetric> metrics) {
        this.registry = b.registry;
        this.metrics = List.copyOf(metrics);
        this.window = b.window;
        this.prefix = b.prefix;
        this.tags = b.tags;
        this.failures = new Failures(b.logger, "Northstar meters");
        this.refresher = new Refresher(registry.clock(), b.refreshEvery, this::refresh,
                () -> registerNewSeries(false), failures);
    }

    /** A builder over the host's Northstar registry; by default every exposed metric, today, no grouping. */
    public static Builder builder(MetricRegistry registry) {
        return new Builder(registry);
    }

    /**
     * Registers the meters: reads the registry once to learn the series there are, then
     * registers every series' meters and {@code <prefix>meters.failures}.
     */
    @Override public void bindTo(MeterRegistry meters) {
        Objects.requireNonNull(meters, "meters");
        bound.add(meters);
        refresher.refreshNow();
        registerNewSeries(true);
        for (Series s : registered) {   // the series other registries learnt before this one was bound
            s.metric().register(meters, registry, s.group(), tags, refresher);
        }
        FunctionCounter.builder(prefix + "meters.failures", registry, r -> failures.count()).tags(tags)
                .description("Refreshes of the Northstar meters that failed (the meters kept their last values)")
                .register(meters);
    }

    /** Refreshes that failed so far, in whole or for one metric. */
    public long failures() {
        return failures.count();
    }

    /** The names of the metrics bound, in order. */
    public List<String> metrics() {
        return metrics.stream().map(ExportedMetric::metric).toList();
    }

    private void refresh() {
        LocalDate today = BinderSettings.today(registry);
        Window w = BinderSettings.windowNow(registry, window);
        for (ExportedMetric m : metrics) {
            try {
                m.refresh(registry, today, w);
            } catch (RuntimeException | LinkageError e) {
                failures.record("reading metric " + m.metric(), e);
            }
        }
    }

    /**
     * Registers the meters of series not seen before in every bound registry. At bind time a
     * registry's refusal is thrown to the host; during a scrape it is counted and the other
     * series go on.
     */
    private void registerNewSeries(boolean atBind) {
        for (ExportedMetric m : metrics) {
            for (List<String> group : m.groups()) {
                if (registered.add(new Series(m, group))) {
                    for (MeterRegistry meters : bound) {
                        try {
                            m.register(meters, registry, group, tags, refresher);
                        } catch (RuntimeException e) {
                            if (atBind) {
                                throw e;
                            }
                            failures.record("registering " + m.metric() + " " + group, e);
                        }
                    }
                }
            }
        }
    }

    /**
     * Chooses what to bind. Not thread-safe; {@link #build()} checks everything against the
     * registry.
     */
    public static final class Builder extends BinderSettings<Builder> {
        private final MetricRegistry registry;
        private List<String> metrics;
        private List<String> groupBy = List.of();
        private double[] quantiles = Query.DEFAULT_QUANTILES;

        private Builder(MetricRegistry registry) {
            super(LoggerFactory.getLogger(NorthstarMetrics.class));
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        @Override Builder self() {
            return this;
        }

        /** The metrics to bind, by name; by default every registered metric of an exposed kind. */
        public Builder metrics(String... names) {
            return metrics(Arrays.asList(names));
        }

        /** The metrics to bind, by name (a name given twice is bound once). */
        public Builder metrics(Collection<String> names) {
            this.metrics = List.copyOf(new LinkedHashSet<>(names));
            return this;
        }

        /**
         * Dimensions to split series by, each a tag named as the dimension; a metric without one
         * of them is not split by it.
         */
        public Builder groupBy(String... dimensions) {
            this.groupBy = List.copyOf(new LinkedHashSet<>(Arrays.asList(dimensions)));
            return this;
        }

        /** The quantiles of distributions, each in (0, 1]; 0.5, 0.9, 0.95 and 0.99 by default. */
        public Builder quantiles(double... quantiles) {
            this.quantiles = quantiles.clone();
            return this;
        }

        /**
         * The binder.
         *
         * @throws IllegalArgumentException naming what is wrong, as listed on {@link NorthstarMetrics}
         */
        public NorthstarMetrics build() {
            Query.of("quantiles").quantiles(quantiles);
            List<MetricDefinition<?>> chosen = new ArrayList<>();
            if (metrics == null) {
                registry.definitions().stream().filter(d -> Exposition.exposed(d.kind())).forEach(chosen::add);
            } else {
                for (String name : metrics) {
                    MetricDefinition<?> d = Exposition.definition(registry, name);
                    if (!Exposition.exposed(d.kind())) {
                        throw new IllegalArgumentException("metric " + name + " is a " + d.kind().name()
                                .toLowerCase(Locale.ROOT) + " metric, which is not exported as meters");
                    }
                    chosen.add(d);
                }
            }
            Set<String> tagKeys = tags.stream().map(Tag::getKey).collect(Collectors.toSet());
            Set<String> used = new LinkedHashSet<>();
            List<ExportedMetric> out = new ArrayList<>();
            for (MetricDefinition<?> d : chosen) {
                Set<String> has = d.dimensions().stream().map(Dimension::name).collect(Collectors.toSet());
                List<String> dims = groupBy.stream().filter(has::contains).toList();
                for (String dim : dims) {
                    if (tagKeys.contains(dim)) {
                        throw new IllegalArgumentException("dimension " + dim + " of metric " + d.name()
                                + " would repeat the extra tag " + dim);
                    }
                    if (d.kind() == MetricKind.DISTRIBUTION && dim.equals("quantile")) {
                        throw new IllegalArgumentException("metric " + d.name() + " is grouped by a dimension named "
                                + "quantile, which its quantile tag would repeat");
                    }
                }
                used.addAll(dims);
                out.add(new ExportedMetric(registry, d, prefix, dims, quantiles));
            }
            for (String dim : groupBy) {
                if (!used.contains(dim)) {
                    throw new IllegalArgumentException("no metric bound has a dimension named " + dim
                            + " to group by");
                }
            }
            return new NorthstarMetrics(this, out);
        }
    }
}
