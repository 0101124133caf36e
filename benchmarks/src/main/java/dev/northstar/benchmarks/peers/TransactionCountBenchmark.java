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
 * Workload A: transaction count by (region, channel, outcome).
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
public class TransactionCountBenchmark {

    @Benchmark
    public void northstar(NorthstarRecording s, Cursor c) {
        s.count(c.next());
    }

    @Benchmark
    public void raw(RawRecording s, Cursor c) {
        s.count(c.next());
    }

    @Benchmark
    public void micrometerLookup(MicrometerRecording s, Cursor c) {
        s.countLookup(c.next());
    }

    @Benchmark
    public void micrometerBound(MicrometerRecording s, Cursor c) {
        s.countBound(c.next());
    }

    @Benchmark
    public void prometheusLabelValues(PrometheusRecording s, Cursor c) {
        s.countLookup(c.next());
    }

    @Benchmark
    public void prometheusCached(PrometheusRecording s, Cursor c) {
        s.countCached(c.next());
    }

    @Benchmark
    public void dropwizardLookup(DropwizardRecording s, Cursor c) {
        s.countLookup(c.next());
    }

    @Benchmark
    public void dropwizardBound(DropwizardRecording s, Cursor c) {
        s.countBound(c.next());
    }

    @Benchmark
    public void otelPerEvent(OpenTelemetryRecording s, Cursor c) {
        s.countLookup(c.next());
    }

    @Benchmark
    public void otelPrebuilt(OpenTelemetryRecording s, Cursor c) {
        s.countBound(c.next());
    }
}
