package dev.northstar.benchmarks;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.snapshot.SnapshotCodec;
import dev.northstar.metrics.time.Window;
import dev.northstar.payments.Channel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The query side over 10,000 series: taking a registry's snapshot, merging two instances'
 * snapshots, encoding and decoding one, and a week's query grouped by one dimension.
 *
 * <p>Data: {@link PaymentsInstance}, the payments catalog with exactly 10,000 series per day
 * (counts, sums, ratios, 96 latency histograms, 32 HLL sketches, 16 Theta funnels) on the last
 * {@code days} days of an ISO week, each day a day bucket: {@code days = 1} is one cell per
 * series, {@code days = 7} a full week (70,000 cells). Two instances are recorded from different
 * seeds over the same series; everything is built in the trial's setup, outside the measured
 * loop, and checked there (10,000 series in every day bucket of each snapshot and of the merge,
 * counts adding up in the merge, a decode that re-encodes to the same bytes, six rows from each
 * query).
 *
 * <p>What one operation is:
 * <ul>
 *   <li>{@code snapshot}: {@code registry.snapshot()}, every metric and retained bucket;
 *   <li>{@code merge}: {@code mine.merge(theirs)}, where {@code theirs} is the other instance's
 *       snapshot as shipped (encoded, then decoded against this registry's definitions, which is
 *       what {@code SnapshotMerger} does);
 *   <li>{@code encode}: {@code SnapshotCodec.encode(mine)};
 *   <li>{@code decode}: {@code SnapshotCodec.decode(bytes, registry.definitions())}, with every
 *       validation the codec documents;
 *   <li>{@code querySuccessRateByChannel}: payment success rate over the ISO week, grouped by
 *       channel, run on the snapshot (1,536 ratio series per day);
 *   <li>{@code queryLatencyByChannel}: payment latency (p50/p90/p95/p99) over the week by
 *       channel (96 histograms per day merged into 6).
 * </ul>
 *
 * <p>Run: {@code benchmarks/scripts/run.sh query} (this class, one thread, {@code -prof gc},
 * a fixed 2 GB heap; renders the README's query-side tables). Results: {@code benchmarks/README.md},
 * "Query side".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"}) // a fixed heap: the live set is about 220 MB
public class SnapshotBenchmark {
    /** Days of data per series: one day bucket each, or a week of them. */
    @Param({"1", "7"})
    public int days;

    MetricRegistry registry;
    List<MetricDefinition<?>> definitions;
    Snapshot mine;
    Snapshot theirs;
    byte[] bytes;
    Query successRateByChannel;
    Query latencyByChannel;

    @Setup(Level.Trial)
    public void record() {
        PaymentsInstance a = PaymentsInstance.record(1, days);
        PaymentsInstance b = PaymentsInstance.record(2, days);
        registry = a.registry;
        definitions = registry.definitions();
        mine = registry.snapshot();
        bytes = SnapshotCodec.encode(mine);
        theirs = SnapshotCodec.decode(SnapshotCodec.encode(b.registry.snapshot()), definitions);
        Window week = Window.isoWeek(PaymentsInstance.LAST_DAY);
        successRateByChannel = Query.of(a.catalog.successRate).window(week).groupBy("channel");
        latencyByChannel = Query.of(a.catalog.latency).window(week).groupBy("channel");
        check(a.catalog.attempts.name());
    }

    /** The setup's sanity checks: the benchmarks below work on what the class says they do. */
    private void check(String countMetric) {
        PaymentsInstance.checkSeries(mine, days, "snapshot");
        PaymentsInstance.checkSeries(theirs, days, "other instance's snapshot");
        Snapshot merged = merge();
        PaymentsInstance.checkSeries(merged, days, "merged snapshot");
        long sum = total(mine, countMetric) + total(theirs, countMetric);
        if (total(merged, countMetric) != sum || sum == 0) {
            throw new IllegalStateException("merge does not add " + countMetric + " up: " + total(merged, countMetric)
                    + " != " + sum);
        }
        if (!Arrays.equals(SnapshotCodec.encode(decode()), bytes)) {
            throw new IllegalStateException("a decoded snapshot does not encode to the bytes it was decoded from");
        }
        for (QueryResult r : List.of(querySuccessRateByChannel(), queryLatencyByChannel())) {
            if (r.rows().size() != Channel.values().length || !r.coverage().complete()) {
                throw new IllegalStateException("expected " + Channel.values().length + " complete rows: " + r);
            }
        }
    }

    private static long total(Snapshot s, String countMetric) {
        QueryResult r = QueryEngine.run(s, Query.of(countMetric).window(Window.isoWeek(PaymentsInstance.LAST_DAY)));
        Row row = r.rows().get(0);
        return ((Value.Count) row.value()).count();
    }

    @Benchmark
    public Snapshot snapshot() {
        return registry.snapshot();
    }

    @Benchmark
    public Snapshot merge() {
        return mine.merge(theirs);
    }

    @Benchmark
    public byte[] encode() {
        return SnapshotCodec.encode(mine);
    }

    @Benchmark
    public Snapshot decode() {
        return SnapshotCodec.decode(bytes, definitions);
    }

    @Benchmark
    public QueryResult querySuccessRateByChannel() {
        return QueryEngine.run(mine, successRateByChannel);
    }

    @Benchmark
    public QueryResult queryLatencyByChannel() {
        return QueryEngine.run(mine, latencyByChannel);
    }
}
