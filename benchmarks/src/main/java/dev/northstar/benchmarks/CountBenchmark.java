package dev.northstar.benchmarks;

import dev.northstar.benchmarks.Payments.Channel;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.registry.AdditiveMetric;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * A count into a series resolved once (the bound-handle idiom), against a raw
 * {@link LongAdder}. All threads share the registry and record into the same series, as the
 * request threads of a host do.
 *
 * <p>Results on the machine described in {@code benchmarks/README.md}:
 * <!-- results:begin -->
 * <!-- results:end -->
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CountBenchmark {
    private MetricRegistry registry;
    private LongAdder adder;
    private CountMetric count;
    private AdditiveMetric.Series bound;
    private int series;

    @Setup
    public void setUp() {
        registry = Payments.registry();
        count = registry.register(MetricDefinition.count("payments")
                .description("Payment attempts").dimensions(Payments.CHANNEL).build());
        bound = count.bind(Channel.QR_SCAN);
        series = count.series(Channel.QR_SCAN);
        adder = new LongAdder();
    }

    /** Per-thread event times inside the current bucket. */
    @State(Scope.Thread)
    public static class Times {
        long[] times;
        int i;

        @Setup(Level.Iteration)
        public void setUp(CountBenchmark shared) {
            times = Payments.eventTimesInCurrentBucket(shared.registry, new SplittableRandom(42));
        }

        long next() {
            return times[i++ & Payments.MASK];
        }
    }

    /** Baseline: the striped counter every peer library builds on. */
    @Benchmark
    public void rawLongAdder() {
        adder.increment();
    }

    /** {@code AdditiveMetric.Series.increment()}: a bound handle, the registry clock's now. */
    @Benchmark
    public void boundSeries() {
        bound.increment();
    }

    /** {@code count.increment(series)} with a series number resolved once. */
    @Benchmark
    public void seriesNumber() {
        count.increment(series);
    }

    /** {@code count.increment(series, atMillis)}: the host passes the event time. */
    @Benchmark
    public void seriesNumberAtEventTime(Times t) {
        count.increment(series, t.next());
    }
}
