package dev.northstar.benchmarks;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A payer id into a distinct count (DataSketches HLL, the default {@code lgK} of 12) against a
 * raw {@link HllSketch#update(long)} of the same size. Ids come from a population of 1,000,000
 * payers, so they repeat as a day's do and the sketches are in their steady (HLL) mode after
 * warm-up.
 *
 * <p>A raw HLL sketch is single-writer, so with several threads each has its own sketch: the
 * baseline of perfect scaling. Northstar's threads share one series and spread over its stripes.
 *
 * <p>Results on the machine described in {@code benchmarks/README.md}:
 * <!-- results:begin -->
 * <!-- results:end -->
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class DistinctBenchmark {
    static final int POPULATION = 1_000_000;

    private final AtomicInteger seeds = new AtomicInteger();
    private MetricRegistry registry;
    private DistinctMetric payers;
    private int series;

    @Setup
    public void setUp() {
        registry = Payments.registry();
        payers = registry.register(MetricDefinition.distinct("active_payers")
                .description("Payers with at least one payment").build());
        series = payers.series();
    }

    /** Per-thread ids, event times and (for the baseline) sketch. */
    @State(Scope.Thread)
    public static class Ids {
        long[] ids;
        long[] times;
        HllSketch sketch;
        int i;

        @Setup
        public void setUp(DistinctBenchmark shared) {
            ids = Payments.payerIds(new SplittableRandom(3000 + shared.seeds.getAndIncrement()), POPULATION);
            sketch = new HllSketch(shared.payers.definition().lgK(), TgtHllType.HLL_8);
        }

        @Setup(Level.Iteration)
        public void setUpTimes(DistinctBenchmark shared) {
            times = Payments.eventTimesInCurrentBucket(shared.registry, new SplittableRandom(7));
        }
    }

    /** Baseline: a raw HLL sketch, one per thread. */
    @Benchmark
    public void rawHllSketch(Ids s) {
        s.sketch.update(s.ids[s.i++ & Payments.MASK]);
    }

    /** {@code payers.add(series, id)}, now. */
    @Benchmark
    public void seriesNumber(Ids s) {
        payers.add(series, s.ids[s.i++ & Payments.MASK]);
    }

    /** {@code payers.add(series, id, atMillis)}: the host passes the event time. */
    @Benchmark
    public void seriesNumberAtEventTime(Ids s) {
        int i = s.i++ & Payments.MASK;
        payers.add(series, s.ids[i], s.times[i]);
    }
}
