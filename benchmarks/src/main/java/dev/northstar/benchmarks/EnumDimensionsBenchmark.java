package dev.northstar.benchmarks;

import dev.northstar.benchmarks.Payments.Channel;
import dev.northstar.benchmarks.Payments.Funding;
import dev.northstar.benchmarks.Payments.Outcome;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.MetricRegistry;
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
 * A count with three enum dimensions whose values arrive with each event, so the series is
 * resolved on every call: {@code count.increment(count.series(channel, funding, outcome))}. The
 * values cycle through pre-generated arrays. The baseline is what a host would hand-write: an
 * array of {@link LongAdder}s indexed by the ordinals' mixed-radix number.
 *
 * <p>Results on the machine described in {@code benchmarks/README.md}:
 * <!-- results:begin -->
 * <!-- results:end -->
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class EnumDimensionsBenchmark {
    private static final int CHANNELS = Channel.values().length;
    private static final int FUNDINGS = Funding.values().length;
    private static final int OUTCOMES = Outcome.values().length;

    private final AtomicInteger seeds = new AtomicInteger();
    private MetricRegistry registry;
    private CountMetric count;
    private LongAdder[] adders;

    @Setup
    public void setUp() {
        registry = Payments.registry();
        count = registry.register(MetricDefinition.count("payments")
                .description("Payment attempts")
                .dimensions(Payments.CHANNEL, Payments.FUNDING, Payments.OUTCOME).build());
        adders = new LongAdder[CHANNELS * FUNDINGS * OUTCOMES];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
    }

    /** Per-thread dimension values (and event times), each thread with its own sequence. */
    @State(Scope.Thread)
    public static class Events {
        Channel[] channels;
        Funding[] fundings;
        Outcome[] outcomes;
        long[] times;
        int i;

        @Setup
        public void setUp(EnumDimensionsBenchmark shared) {
            SplittableRandom random = new SplittableRandom(1000 + shared.seeds.getAndIncrement());
            channels = Payments.cycle(Channel.class, random);
            fundings = Payments.cycle(Funding.class, random);
            outcomes = Payments.cycle(Outcome.class, random);
        }

        @Setup(Level.Iteration)
        public void setUpTimes(EnumDimensionsBenchmark shared) {
            times = Payments.eventTimesInCurrentBucket(shared.registry, new SplittableRandom(7));
        }
    }

    /** Baseline: hand-written adders indexed by ordinal arithmetic. */
    @Benchmark
    public void rawAdderArray(Events e) {
        int i = e.i++ & Payments.MASK;
        adders[(e.channels[i].ordinal() * FUNDINGS + e.fundings[i].ordinal()) * OUTCOMES
                + e.outcomes[i].ordinal()].increment();
    }

    /** Resolve the series from three enum values, then count one event now. */
    @Benchmark
    public void seriesPerCall(Events e) {
        int i = e.i++ & Payments.MASK;
        count.increment(count.series(e.channels[i], e.fundings[i], e.outcomes[i]));
    }

    /** The same with the event time given by the host. */
    @Benchmark
    public void seriesPerCallAtEventTime(Events e) {
        int i = e.i++ & Payments.MASK;
        count.increment(count.series(e.channels[i], e.fundings[i], e.outcomes[i]), e.times[i]);
    }
}
