package dev.northstar.benchmarks;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.internal.Stripes;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.FunnelMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.Metric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.RetentionMetric;
import dev.northstar.metrics.registry.SumMetric;
import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Bytes a registry retains per series per time bucket, for each metric kind, measured: a metric
 * with one open dimension of {@value #SERIES} values records into all of its series in one bucket
 * (a fixed clock), and the heap in use after a full collection is compared with the heap before.
 * The dimension codes and the bucket itself exist before the first measurement, so the difference
 * is the metric's cells alone.
 *
 * <p>Striped kinds keep one copy per writer stripe: each row is measured with one writing
 * thread and again with two threads of different home stripes writing the same events.
 *
 * <p>Run with a collector whose {@code System.gc()} is a full, compacting collection:
 * <pre>{@code
 * java -XX:+UseSerialGC -Xmx2g -cp benchmarks/target/benchmarks.jar \
 *     dev.northstar.benchmarks.Footprint benchmarks/results/footprint.json
 * }</pre>
 */
public final class Footprint {
    static final int SERIES = 1_000;
    private static final Instant NOON = Instant.parse("2026-11-16T04:00:00Z");

    private Footprint() {
    }

    /** One measured shape: a metric definition and what each series receives. */
    record Scenario(String kind, String shape, Function<OpenDimension, MetricDefinition<?>> definition,
                    Recorder recorder) {
    }

    /** Records the events of series {@code s} (resolved) from one thread. */
    interface Recorder {
        void record(Metric metric, int series, SplittableRandom random);
    }

    /**
     * One scenario's results: bytes per series with every series written by one thread and by two,
     * and the bytes of the first series written in a bucket (what a bucket costs the metric as soon
     * as any series records into it: cell arrays are sized for the metric's whole series capacity).
     */
    record Row(String kind, String shape, double perSeriesOneThread, double perSeriesTwoThreads,
               long firstSeries) {
    }

    public static void main(String[] args) throws Exception {
        List<Scenario> scenarios = scenarios();
        List<Row> rows = new ArrayList<>();
        measure(scenarios.get(0), 1, SERIES); // loads and compiles what every measurement uses
        for (Scenario s : scenarios) {
            Row row = new Row(s.kind, s.shape, measure(s, 1, SERIES) / (double) SERIES,
                    measure(s, 2, SERIES) / (double) SERIES, measure(s, 1, 1));
            rows.add(row);
            System.out.printf(Locale.ROOT, "%-14s %-44s %,12.1f B/series (1 thread) %,12.1f (2 threads) %,10d first%n",
                    row.kind, row.shape, row.perSeriesOneThread, row.perSeriesTwoThreads, row.firstSeries);
        }
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), json(rows));
        }
    }

    static List<Scenario> scenarios() {
        List<Scenario> out = new ArrayList<>();
        out.add(new Scenario("count", "1 event", d -> MetricDefinition.count("m").description("x")
                .dimensions(d).build(), (m, s, r) -> ((CountMetric) m).increment(s)));
        out.add(new Scenario("sum", "1 amount", d -> MetricDefinition.sum("m").money("CNY").description("x")
                .dimensions(d).build(), (m, s, r) -> ((SumMetric) m).add(s, 1 + r.nextInt(100_000))));
        out.add(new Scenario("ratio", "1 attempt", d -> MetricDefinition.ratio("m").description("x")
                .dimensions(d).build(), (m, s, r) -> ((RatioMetric) m).record(s, r.nextBoolean())));
        out.add(new Scenario("distribution", "us, 1 min range, 2 digits (defaults)",
                d -> MetricDefinition.distribution("m").unit(Unit.MICROSECONDS).description("x")
                        .dimensions(d).build(),
                (m, s, r) -> ((DistributionMetric) m).record(s, 100 + r.nextInt(10_000_000))));
        out.add(new Scenario("distribution", "us, 1 min range, 3 digits",
                d -> MetricDefinition.distribution("m").unit(Unit.MICROSECONDS).significantDigits(3)
                        .description("x").dimensions(d).build(),
                (m, s, r) -> ((DistributionMetric) m).record(s, 100 + r.nextInt(10_000_000))));
        out.add(new Scenario("distribution", "fen, 10^12 range, 2 digits (defaults)",
                d -> MetricDefinition.distribution("m").money("CNY").description("x").dimensions(d).build(),
                (m, s, r) -> ((DistributionMetric) m).record(s, 1 + r.nextInt(1_000_000))));
        for (int ids : new int[] {10, 10_000}) {
            String shape = String.format(Locale.ROOT, "lgK 12, %,d ids", ids);
            out.add(new Scenario("distinct HLL", shape, d -> MetricDefinition.distinct("m").description("x")
                    .dimensions(d).build(), ids(ids, (m, s, id) -> ((DistinctMetric) m).add(s, id))));
            out.add(new Scenario("distinct Theta", shape, d -> MetricDefinition.distinct("m").setOperations()
                    .description("x").dimensions(d).build(),
                    ids(ids, (m, s, id) -> ((DistinctMetric) m).add(s, id))));
            out.add(new Scenario("funnel", "3 steps, " + shape + " per step",
                    d -> MetricDefinition.funnel("m", "a", "b", "c").description("x").dimensions(d).build(),
                    ids(ids, (m, s, id) -> {
                        for (int step = 0; step < 3; step++) {
                            ((FunnelMetric) m).step(s, step, id);
                        }
                    })));
            out.add(new Scenario("retention", "cohort + active, " + shape + " each",
                    d -> MetricDefinition.retention("m").description("x").dimensions(d).build(),
                    ids(ids, (m, s, id) -> {
                        ((RetentionMetric) m).cohort(s, id);
                        ((RetentionMetric) m).active(s, id);
                    })));
        }
        out.add(new Scenario("gauge", "1 level", d -> MetricDefinition.gauge("m").description("x")
                .dimensions(d).build(), (m, s, r) -> ((GaugeMetric) m).set(s, r.nextInt(), NOON.toEpochMilli())));
        return out;
    }

    private interface IdRecorder {
        void record(Metric metric, int series, long id);
    }

    private static Recorder ids(int count, IdRecorder recorder) {
        return (m, s, r) -> {
            for (int i = 0; i < count; i++) {
                recorder.record(m, s, r.nextLong());
            }
        };
    }

    /** Bytes retained by the cells of {@code touched} series written by {@code threads} threads. */
    static long measure(Scenario scenario, int threads, int touched) throws InterruptedException {
        MetricRegistry registry = MetricRegistry.builder().clock(() -> NOON).build();
        OpenDimension merchant = Dimension.open("merchant", SERIES);
        Metric metric = registry.register(scenario.definition.apply(merchant));
        // the bucket and every dimension code exist before the baseline
        registry.register(MetricDefinition.count("warm").description("x").build()).increment(0);
        int[] series = new int[SERIES];
        for (int i = 0; i < SERIES; i++) {
            series[i] = metric.series("merchant-" + i);
        }
        long before = usedAfterGc();
        List<Integer> stripes = new ArrayList<>();
        while (stripes.size() < threads) { // one writer after the other, each alone on its home stripe
            Thread writer = new Thread(() -> {
                int home = Stripes.home();
                if (stripes.contains(home)) {
                    return; // same stripe as an earlier writer: try another thread id
                }
                SplittableRandom random = new SplittableRandom(99);
                for (int i = 0; i < touched; i++) {
                    scenario.recorder.record(metric, series[i], random);
                }
                stripes.add(home);
            });
            writer.start();
            writer.join();
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(registry);
        Reference.reachabilityFence(metric);
        return after - before;
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static String json(List<Row> rows) {
        StringBuilder out = new StringBuilder("{\n  \"stripes\": " + Stripes.COUNT + ",\n  \"series\": " + SERIES
                + ",\n  \"java\": \"" + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
                + "\",\n  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.append(String.format(Locale.ROOT,
                    "    {\"kind\": \"%s\", \"shape\": \"%s\", \"perSeriesOneThread\": %.1f, "
                            + "\"perSeriesTwoThreads\": %.1f, \"firstSeries\": %d}%s%n",
                    r.kind, r.shape, r.perSeriesOneThread, r.perSeriesTwoThreads, r.firstSeries,
                    i + 1 < rows.size() ? "," : ""));
        }
        return out.append("  ]\n}\n").toString();
    }
}
