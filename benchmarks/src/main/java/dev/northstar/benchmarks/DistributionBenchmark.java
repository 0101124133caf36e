package dev.northstar.benchmarks;

import dev.northstar.benchmarks.Payments.Channel;
import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A latency into a distribution (microseconds, so a one-minute range, two significant digits:
 * the definition's defaults) against a raw HdrHistogram {@link Recorder} of the same range and
 * precision, the thread-safe recorder peers use. All threads share one series (or one recorder).
 *
 * <p>Results on the machine described in {@code benchmarks/README.md}:
 * <!-- results:begin -->
 * <!-- results:end -->
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class DistributionBenchmark {
    private final AtomicInteger seeds = new AtomicInteger();
    private MetricRegistry registry;
    private DistributionMetric latency;
    private DistributionMetric.Series bound;
    private int series;
    private Recorder recorder;

    @Setup
    public void setUp() {
        registry = Payments.registry();
        latency = registry.register(MetricDefinition.distribution("authorization_latency")
                .unit(Unit.MICROSECONDS).direction(Direction.LOWER_IS_BETTER)
                .description("Time from confirm to authorization").dimensions(Payments.CHANNEL).build());
        series = latency.series(Channel.QR_SCAN);
        bound = latency.bind(Channel.QR_SCAN);
        recorder = new Recorder(1, latency.definition().maxValue(), latency.definition().significantDigits());
    }

    /** Per-thread latencies and event times. */
    @State(Scope.Thread)
    public static class Values {
        long[] values;
        long[] times;
        int i;

        @Setup
        public void setUp(DistributionBenchmark shared) {
            values = Payments.latenciesMicros(new SplittableRandom(2000 + shared.seeds.getAndIncrement()));
        }

        @Setup(Level.Iteration)
        public void setUpTimes(DistributionBenchmark shared) {
            times = Payments.eventTimesInCurrentBucket(shared.registry, new SplittableRandom(7));
        }
    }

    /** Baseline: HdrHistogram's thread-safe recorder. */
    @Benchmark
    public void rawRecorder(Values v) {
        recorder.recordValue(v.values[v.i++ & Payments.MASK]);
    }

    /** {@code latency.record(series, value)} with a series number resolved once, now. */
    @Benchmark
    public void seriesNumber(Values v) {
        latency.record(series, v.values[v.i++ & Payments.MASK]);
    }

    /** {@code DistributionMetric.Series.record(value)}: a bound handle, now. */
    @Benchmark
    public void boundSeries(Values v) {
        bound.record(v.values[v.i++ & Payments.MASK]);
    }

    /** {@code latency.record(series, value, atMillis)}: the host passes the event time. */
    @Benchmark
    public void seriesNumberAtEventTime(Values v) {
        int i = v.i++ & Payments.MASK;
        latency.record(series, v.values[i], v.times[i]);
    }
}
