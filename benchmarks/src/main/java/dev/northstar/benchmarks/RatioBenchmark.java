package dev.northstar.benchmarks;

import dev.northstar.benchmarks.Payments.Channel;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
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
 * One attempt into a success rate ({@code record(series, success)}: the denominator and, on
 * success, the numerator) against the two raw {@link LongAdder}s a host would otherwise keep.
 * The raw pair gives a reader no consistent view (it can see more successes than attempts);
 * Northstar's ordering does (see {@code LongCells}).
 *
 * <p>Results on the machine described in {@code benchmarks/README.md}:
 * <!-- results:begin -->
 * <!-- results:end -->
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RatioBenchmark {
    private final AtomicInteger seeds = new AtomicInteger();
    private MetricRegistry registry;
    private RatioMetric successRate;
    private int series;
    private LongAdder attempts;
    private LongAdder successes;

    @Setup
    public void setUp() {
        registry = Payments.registry();
        successRate = registry.register(MetricDefinition.ratio("payment_success_rate")
                .description("Successful / attempted payments").dimensions(Payments.CHANNEL).build());
        series = successRate.series(Channel.QR_SCAN);
        attempts = new LongAdder();
        successes = new LongAdder();
    }

    /** Per-thread outcomes and event times. */
    @State(Scope.Thread)
    public static class Outcomes {
        boolean[] success;
        long[] times;
        int i;

        @Setup
        public void setUp(RatioBenchmark shared) {
            success = Payments.successes(new SplittableRandom(5000 + shared.seeds.getAndIncrement()));
        }

        @Setup(Level.Iteration)
        public void setUpTimes(RatioBenchmark shared) {
            times = Payments.eventTimesInCurrentBucket(shared.registry, new SplittableRandom(7));
        }
    }

    /** Baseline: two raw adders, denominator then numerator. */
    @Benchmark
    public void rawTwoLongAdders(Outcomes o) {
        attempts.increment();
        if (o.success[o.i++ & Payments.MASK]) {
            successes.increment();
        }
    }

    /** {@code successRate.record(series, success)}, now. */
    @Benchmark
    public void seriesNumber(Outcomes o) {
        successRate.record(series, o.success[o.i++ & Payments.MASK]);
    }

    /** {@code successRate.record(series, success, atMillis)}: the host passes the event time. */
    @Benchmark
    public void seriesNumberAtEventTime(Outcomes o) {
        int i = o.i++ & Payments.MASK;
        successRate.record(series, o.success[i], o.times[i]);
    }
}
