package dev.northstar.benchmarks.peers;

import static dev.northstar.benchmarks.peers.PaymentWorkload.BATCH;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;
import org.apache.datasketches.hll.HllSketch;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The physical limit: the same cells Northstar keeps (striped adders, HdrHistogram recorders, an
 * HLL sketch), in flat arrays indexed by precomputed codes ({@link PaymentWorkload#regionIndex},
 * ordinals), with no time buckets, no string-to-code step and no bad-input checks. The HLL sketch
 * is not thread-safe, so each thread has its own ({@link ThreadSketch}), merged on read.
 */
@State(Scope.Benchmark)
public class RawRecording {
    static final int CHANNELS = 6;
    PaymentWorkload w;
    LongAdder[] transactions;
    LongAdder[] tpv;
    Recorder[] latency;

    @Setup
    public void setUp() {
        w = PaymentWorkload.shared();
        int regions = w.regions.size();
        transactions = new LongAdder[regions * CHANNELS * 2];
        tpv = new LongAdder[regions * CHANNELS];
        latency = new Recorder[regions * CHANNELS];
        for (int i = 0; i < transactions.length; i++) {
            transactions[i] = new LongAdder();
        }
        for (int i = 0; i < tpv.length; i++) {
            tpv[i] = new LongAdder();
            latency[i] = new Recorder(60_000_000L, 2); // Northstar's default for microseconds
        }
    }

    /** A per-thread HLL sketch (lgK 12, Northstar's default). */
    @State(Scope.Thread)
    public static class ThreadSketch {
        final HllSketch payers = new HllSketch(12);
    }

    public void count(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            transactions[((w.regionIndex[i] * CHANNELS + w.channel[i].ordinal()) << 1) | (w.success[i] ? 0 : 1)]
                    .increment();
        }
    }

    public void latency(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            latency[w.regionIndex[i] * CHANNELS + w.channel[i].ordinal()].recordValue(w.latencyMicros[i]);
        }
    }

    public void payment(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            int rc = w.regionIndex[i] * CHANNELS + w.channel[i].ordinal();
            boolean ok = w.success[i];
            transactions[(rc << 1) | (ok ? 0 : 1)].increment();
            if (ok) {
                tpv[rc].add(w.amountMinor[i]);
            }
            latency[rc].recordValue(w.latencyMicros[i]);
        }
    }

    public void paymentWithPayers(int from, ThreadSketch sketch) {
        PaymentWorkload w = this.w;
        HllSketch payers = sketch.payers;
        for (int i = from, end = from + BATCH; i < end; i++) {
            int rc = w.regionIndex[i] * CHANNELS + w.channel[i].ordinal();
            boolean ok = w.success[i];
            transactions[(rc << 1) | (ok ? 0 : 1)].increment();
            if (ok) {
                tpv[rc].add(w.amountMinor[i]);
                payers.update(w.payer[i]);
            }
            latency[rc].recordValue(w.latencyMicros[i]);
        }
    }
}
