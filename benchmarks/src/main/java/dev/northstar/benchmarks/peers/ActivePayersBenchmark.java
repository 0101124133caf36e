package dev.northstar.benchmarks.peers;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload D: C plus distinct payers per day. Northstar: a distinct metric (HLL per day bucket);
 * raw: a per-thread HLL sketch; peers (pre-resolved idiom): an exact concurrent set of payer ids
 * per day behind a callback gauge ({@link PayersPerDay}), the closest thing their users write.
 *
 * <p>One operation is one payment event of the shared {@link PaymentWorkload}; each invocation
 * replays the thread's next {@value PaymentWorkload#BATCH} events. Run with {@code -t 1} and
 * {@code -t 2}: see {@code benchmarks/run-peers.sh} and the README for results.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(PaymentWorkload.BATCH)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ActivePayersBenchmark {

    @Benchmark
    public void northstar(NorthstarRecording s, Cursor c) {
        s.paymentWithPayers(c.next());
    }

    @Benchmark
    public void raw(RawRecording s, Cursor c, RawRecording.ThreadSketch t) {
        s.paymentWithPayers(c.next(), t);
    }

    @Benchmark
    public void micrometerBound(MicrometerRecording s, Cursor c) {
        s.paymentWithPayersBound(c.next());
    }

    @Benchmark
    public void prometheusCached(PrometheusRecording s, Cursor c) {
        s.paymentWithPayersCached(c.next());
    }

    @Benchmark
    public void dropwizardBound(DropwizardRecording s, Cursor c) {
        s.paymentWithPayersBound(c.next());
    }

    @Benchmark
    public void otelPrebuilt(OpenTelemetryRecording s, Cursor c) {
        s.paymentWithPayersBound(c.next());
    }
}
