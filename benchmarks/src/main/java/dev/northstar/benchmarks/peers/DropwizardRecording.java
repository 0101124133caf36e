package dev.northstar.benchmarks.peers;

import static dev.northstar.benchmarks.peers.PaymentWorkload.BATCH;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.MetricRegistry;
import dev.northstar.payments.Channel;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dropwizard metrics-core 4.2. It has no tags, so the dimensions go into the metric name
 * ({@code MetricRegistry.name("transactions", region, channel, outcome)}). Two idioms: the name
 * built and looked up per event, and metrics pre-resolved into arrays at start-up. Latency is
 * {@code registry.histogram(name)}: the default exponentially decaying reservoir.
 */
@State(Scope.Benchmark)
public class DropwizardRecording {
    static final String[] OUTCOMES = {"success", "failure"};
    PaymentWorkload w;
    MetricRegistry registry;
    Map<String, ByRegion> byRegion;
    PayersPerDay payers;

    static final class ByRegion {
        final Counter[] transactions = new Counter[12];
        final Counter[] tpv = new Counter[6];
        final Histogram[] latency = new Histogram[6];
    }

    @Setup
    public void setUp() {
        w = PaymentWorkload.shared();
        registry = new MetricRegistry();
        byRegion = new HashMap<>();
        for (String r : w.regions) {
            ByRegion m = new ByRegion();
            for (Channel c : Channel.values()) {
                int ch = c.ordinal();
                for (int o = 0; o < 2; o++) {
                    m.transactions[ch * 2 + o] = registry.counter(MetricRegistry.name("transactions", r, c.name(),
                            OUTCOMES[o]));
                }
                m.tpv[ch] = registry.counter(MetricRegistry.name("tpv", r, c.name()));
                m.latency[ch] = registry.histogram(MetricRegistry.name("payment_latency", r, c.name()));
            }
            byRegion.put(r, m);
        }
        payers = new PayersPerDay();
        registry.register("active_payers", (Gauge<Double>) payers::today);
    }

    public void countLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            registry.counter(MetricRegistry.name("transactions", w.region[i], w.channel[i].name(),
                    w.success[i] ? "success" : "failure")).inc();
        }
    }

    public void countBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            byRegion.get(w.region[i]).transactions[w.channel[i].ordinal() * 2 + (w.success[i] ? 0 : 1)].inc();
        }
    }

    public void latencyLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            registry.histogram(MetricRegistry.name("payment_latency", w.region[i], w.channel[i].name()))
                    .update(w.latencyMicros[i]);
        }
    }

    public void latencyBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            byRegion.get(w.region[i]).latency[w.channel[i].ordinal()].update(w.latencyMicros[i]);
        }
    }

    public void paymentLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            String r = w.region[i];
            String c = w.channel[i].name();
            boolean ok = w.success[i];
            registry.counter(MetricRegistry.name("transactions", r, c, ok ? "success" : "failure")).inc();
            if (ok) {
                registry.counter(MetricRegistry.name("tpv", r, c)).inc(w.amountMinor[i]);
            }
            registry.histogram(MetricRegistry.name("payment_latency", r, c)).update(w.latencyMicros[i]);
        }
    }

    public void paymentBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            ByRegion m = byRegion.get(w.region[i]);
            int ch = w.channel[i].ordinal();
            boolean ok = w.success[i];
            m.transactions[ch * 2 + (ok ? 0 : 1)].inc();
            if (ok) {
                m.tpv[ch].inc(w.amountMinor[i]);
            }
            m.latency[ch].update(w.latencyMicros[i]);
        }
    }

    public void paymentWithPayersBound(int from) {
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
            m.latency[ch].update(w.latencyMicros[i]);
        }
    }
}
