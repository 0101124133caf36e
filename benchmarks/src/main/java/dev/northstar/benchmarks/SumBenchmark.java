package dev.northstar.benchmarks;

import dev.northstar.benchmarks.Payments.Channel;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.SumMetric;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An amount in minor units into a sum (TPV), with the range checks a sum makes (negative, above
 * {@code maxValue}, overflow), against a raw {@link LongAdder#add(long)}.
 *
 * <p>Results on the machine described in {@code benchmarks/README.md}:
 * <!-- results:begin -->
 * <!-- results:end -->
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class SumBenchmark {
    private final AtomicInteger seeds = new AtomicInteger();
    private MetricRegistry registry;
    private SumMetric tpv;
    private int series;
    private LongAdder adder;

    @Setup
    public void setUp() {
        registry = Payments.registry();
        tpv = registry.register(MetricDefinition.sum("tpv").money("CNY")
                .description("Value of successful payments").dimensions(Payments.CHANNEL).build());
        series = tpv.series(Channel.QR_SCAN);
        adder = new LongAdder();
    }

    /** Per-thread amounts and event times. */
    @State(Scope.Thread)
    public static class Amounts {
        long[] amounts;
        long[] times;
        int i;

        @Setup
        public void setUp(SumBenchmark shared) {
            amounts = Payments.amountsMinor(new SplittableRandom(4000 + shared.seeds.getAndIncrement()));
        }

        @Setup(Level.Iteration)
        public void setUpTimes(SumBenchmark shared) {
            times = Payments.eventTimesInCurrentBucket(shared.registry, new SplittableRandom(7));
        }
    }

    /** Baseline: a raw striped adder. */
    @Benchmark
    public void rawLongAdder(Amounts a) {
        adder.add(a.amounts[a.i++ & Payments.MASK]);
    }

    /** {@code tpv.add(series, amount)}, now. */
    @Benchmark
    public void seriesNumber(Amounts a) {
        tpv.add(series, a.amounts[a.i++ & Payments.MASK]);
    }

    /** {@code tpv.add(series, amount, atMillis)}: the host passes the event time. */
    @Benchmark
    public void seriesNumberAtEventTime(Amounts a) {
        int i = a.i++ & Payments.MASK;
        tpv.add(series, a.amounts[i], a.times[i]);
    }
}
