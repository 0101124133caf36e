package dev.northstar.benchmarks.peers;

import static dev.northstar.benchmarks.peers.PaymentWorkload.BATCH;

import dev.northstar.payments.Channel;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Prometheus client_java 1.3 with default settings. Two idioms: {@code labelValues(...)} per
 * event, and data points cached at start-up (the library's documented fast path), found per event
 * by region string then enum ordinals. Latency in seconds (Prometheus convention) as a classic
 * histogram (default buckets, {@code classicOnly()}) or a native histogram ({@code nativeOnly()});
 * the TPV sum is a counter incremented by the amount.
 */
@State(Scope.Benchmark)
public class PrometheusRecording {
    PaymentWorkload w;
    Counter transactions;
    Counter tpv;
    Histogram classic;
    Histogram nativeHistogram;
    Map<String, ByRegion> byRegion;
    PayersPerDay payers;

    static final class ByRegion {
        final CounterDataPoint[] transactions = new CounterDataPoint[12];
        final CounterDataPoint[] tpv = new CounterDataPoint[6];
        final DistributionDataPoint[] classic = new DistributionDataPoint[6];
        final DistributionDataPoint[] nativeHistogram = new DistributionDataPoint[6];
    }

    @Setup
    public void setUp() {
        w = PaymentWorkload.shared();
        PrometheusRegistry registry = new PrometheusRegistry();
        transactions = Counter.builder().name("transactions").help("Payment attempts")
                .labelNames("region", "channel", "outcome").register(registry);
        tpv = Counter.builder().name("tpv").help("Value of successful payments, minor units")
                .labelNames("region", "channel").register(registry);
        classic = Histogram.builder().name("payment_latency_seconds").help("Authorization latency")
                .labelNames("region", "channel").classicOnly().register(registry);
        nativeHistogram = Histogram.builder().name("payment_latency_native_seconds").help("Authorization latency")
                .labelNames("region", "channel").nativeOnly().register(registry);
        byRegion = new HashMap<>();
        for (String r : w.regions) {
            ByRegion m = new ByRegion();
            for (Channel c : Channel.values()) {
                int ch = c.ordinal();
                m.transactions[ch * 2] = transactions.labelValues(r, c.name(), "success");
                m.transactions[ch * 2 + 1] = transactions.labelValues(r, c.name(), "failure");
                m.tpv[ch] = tpv.labelValues(r, c.name());
                m.classic[ch] = classic.labelValues(r, c.name());
                m.nativeHistogram[ch] = nativeHistogram.labelValues(r, c.name());
            }
            byRegion.put(r, m);
        }
        payers = new PayersPerDay();
        GaugeWithCallback.builder().name("active_payers").help("Distinct payers today")
                .callback(cb -> cb.call(payers.today())).register(registry);
    }

    public void countLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            transactions.labelValues(w.region[i], w.channel[i].name(), w.success[i] ? "success" : "failure").inc();
        }
    }

    public void countCached(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            byRegion.get(w.region[i]).transactions[w.channel[i].ordinal() * 2 + (w.success[i] ? 0 : 1)].inc();
        }
    }

    public void latencyLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            classic.labelValues(w.region[i], w.channel[i].name()).observe(w.latencyMicros[i] / 1e6);
        }
    }

    public void latencyCached(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            byRegion.get(w.region[i]).classic[w.channel[i].ordinal()].observe(w.latencyMicros[i] / 1e6);
        }
    }

    public void latencyCachedNative(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            byRegion.get(w.region[i]).nativeHistogram[w.channel[i].ordinal()].observe(w.latencyMicros[i] / 1e6);
        }
    }

    public void paymentLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            String r = w.region[i];
            String c = w.channel[i].name();
            boolean ok = w.success[i];
            transactions.labelValues(r, c, ok ? "success" : "failure").inc();
            if (ok) {
                tpv.labelValues(r, c).inc(w.amountMinor[i]);
            }
            classic.labelValues(r, c).observe(w.latencyMicros[i] / 1e6);
        }
    }

    public void paymentCached(int from, boolean nativeLatency) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            ByRegion m = byRegion.get(w.region[i]);
            int ch = w.channel[i].ordinal();
            boolean ok = w.success[i];
            m.transactions[ch * 2 + (ok ? 0 : 1)].inc();
            if (ok) {
                m.tpv[ch].inc(w.amountMinor[i]);
            }
            (nativeLatency ? m.nativeHistogram : m.classic)[ch].observe(w.latencyMicros[i] / 1e6);
        }
    }

    public void paymentWithPayersCached(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            ByRegion m = byRegion.get(w.region[i]);
            int ch = w.channel[i].ordinal();
            boolean ok = w.success[i];
            m.transactions[ch * 2 + (ok ? 0 : 1)].inc();
            if (ok) {
                m.tpv[ch].inc(w.amountMinor[i]);
                payers.add(w.atMillis[i], w.payer[i]);
            }
            m.classic[ch].observe(w.latencyMicros[i] / 1e6);
        }
    }
}
