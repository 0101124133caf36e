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
 * Workload E: the full payments catalog (24 stored metrics) through
 * {@code PaymentsRecorder.payment}: Northstar only, no peer has the catalog.
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
public class CatalogBenchmark {

    @Benchmark
    public void northstar(NorthstarRecording s, Cursor c) {
        s.catalog(c.next());
    }
}
