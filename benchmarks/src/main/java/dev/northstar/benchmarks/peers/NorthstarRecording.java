package dev.northstar.benchmarks.peers;

import static dev.northstar.benchmarks.peers.PaymentWorkload.BATCH;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.registry.Bucket;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.SumMetric;
import dev.northstar.payments.Channel;
import dev.northstar.payments.Outcome;
import dev.northstar.payments.PaymentsCatalog;
import dev.northstar.payments.PaymentsRecorder;
import java.time.InstantSource;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Northstar, idiomatically: the event's bucket is resolved once ({@code bucketAt}), the region
 * string through its open dimension, enums by ordinal, the series by mixed-radix arithmetic
 * ({@code seriesOfCodes}); nothing is looked up by name and nothing allocates.
 */
@State(Scope.Benchmark)
public class NorthstarRecording {
    PaymentWorkload w;
    MetricRegistry registry;
    OpenDimension region;
    EnumDimension<Channel> channel;
    EnumDimension<Outcome> outcome;
    CountMetric transactions;
    SumMetric tpv;
    DistributionMetric latency;
    DistinctMetric activePayers;
    PaymentsRecorder payments;
    int allPayers;

    @Setup
    public void setUp() {
        w = PaymentWorkload.shared();
        registry = MetricRegistry.builder().zone(PaymentWorkload.ZONE)
                .clock(InstantSource.fixed(w.clockMillis())).build();
        region = Dimension.open("region", 64);
        channel = Dimension.of("channel", Channel.class);
        outcome = Dimension.of("outcome", Outcome.class);
        transactions = registry.register(MetricDefinition.count("transactions").description("Payment attempts")
                .dimensions(region, channel, outcome).build());
        tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").description("Value of successful payments")
                .dimensions(region, channel).build());
        latency = registry.register(MetricDefinition.distribution("payment_latency").unit(Unit.MICROSECONDS)
                .description("Authorization latency").dimensions(region, channel).build());
        activePayers = registry.register(MetricDefinition.distinct("active_payers")
                .description("Distinct payers with a successful payment").build());
        allPayers = activePayers.series();
        // the full catalog lives in a registry of its own: it owns its region and bank dimensions
        payments = PaymentsCatalog.create("CNY").register(MetricRegistry.builder().zone(PaymentWorkload.ZONE)
                .clock(InstantSource.fixed(w.clockMillis())).build());
    }

    /** A refused event is a no-op and would flatter the numbers: fail the run if there was one. */
    @TearDown
    public void checkNothingRefused() {
        long refused = registry.health().totalRefused() + payments.registry().health().totalRefused();
        long late = registry.health().late() + payments.registry().health().late();
        if (refused != 0 || late != 0) {
            throw new IllegalStateException("Northstar refused " + refused + " and took " + late + " late events");
        }
    }

    /** A: count by (region, channel, outcome). */
    public void count(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            Bucket b = registry.bucketAt(w.atMillis[i]);
            transactions.increment(b, transactions.seriesOfCodes(region.code(w.region[i]), channel.code(w.channel[i]),
                    w.success[i] ? 0 : 1));
        }
    }

    /** B: latency distribution by (region, channel). */
    public void latency(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            Bucket b = registry.bucketAt(w.atMillis[i]);
            latency.record(b, latency.seriesOfCodes(region.code(w.region[i]), channel.code(w.channel[i])),
                    w.latencyMicros[i]);
        }
    }

    /** C: the composite payment event. */
    public void payment(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            Bucket b = registry.bucketAt(w.atMillis[i]);
            int r = region.code(w.region[i]);
            int ch = channel.code(w.channel[i]);
            boolean ok = w.success[i];
            transactions.increment(b, transactions.seriesOfCodes(r, ch, ok ? 0 : 1));
            int byChannel = tpv.seriesOfCodes(r, ch);
            if (ok) {
                tpv.add(b, byChannel, w.amountMinor[i]);
            }
            latency.record(b, byChannel, w.latencyMicros[i]); // same dimensions, same series number
        }
    }

    /** D: C plus distinct payers per day (the day is the bucket's). */
    public void paymentWithPayers(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            Bucket b = registry.bucketAt(w.atMillis[i]);
            int r = region.code(w.region[i]);
            int ch = channel.code(w.channel[i]);
            boolean ok = w.success[i];
            transactions.increment(b, transactions.seriesOfCodes(r, ch, ok ? 0 : 1));
            int byChannel = tpv.seriesOfCodes(r, ch);
            if (ok) {
                tpv.add(b, byChannel, w.amountMinor[i]);
                activePayers.add(b, allPayers, w.payer[i]);
            }
            latency.record(b, byChannel, w.latencyMicros[i]);
        }
    }

    /** E: the full payments catalog through {@link PaymentsRecorder#payment}. */
    public void catalog(int from) {
        PaymentWorkload w = this.w;
        PaymentsRecorder p = payments;
        for (int i = from, end = from + BATCH; i < end; i++) {
            p.payment(w.atMillis[i], w.payer[i], w.merchant[i], w.region[i], w.bank[i], w.channel[i], w.funding[i],
                    w.category[i], w.crossBorder[i], w.firstPayment[i], w.failure[i], w.amountMinor[i],
                    w.latencyMicros[i]);
        }
    }
}
