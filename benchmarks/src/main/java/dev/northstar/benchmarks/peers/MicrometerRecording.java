package dev.northstar.benchmarks.peers;

import static dev.northstar.benchmarks.peers.PaymentWorkload.BATCH;

import dev.northstar.payments.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Micrometer 1.13 on a {@link SimpleMeterRegistry} (cumulative). Two idioms: tags looked up per
 * event ({@code registry.counter(name, tags...)}, the common one) and meters pre-resolved into
 * arrays at start-up, found per event by region string then enum ordinals. Latency is a
 * {@link Timer} with a percentile histogram switched on by a {@link MeterFilter}, as Spring Boot's
 * {@code percentiles-histogram} property does, since a distribution is what is asked for.
 */
@State(Scope.Benchmark)
public class MicrometerRecording {
    static final String[] OUTCOMES = {"success", "failure"};
    PaymentWorkload w;
    SimpleMeterRegistry registry;
    Map<String, ByRegion> byRegion;
    PayersPerDay payers;

    static final class ByRegion {
        final Counter[] transactions = new Counter[12];
        final Counter[] tpv = new Counter[6];
        final Timer[] latency = new Timer[6];
    }

    @Setup
    public void setUp() {
        w = PaymentWorkload.shared();
        registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("payment_latency")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        });
        byRegion = new HashMap<>();
        for (String r : w.regions) {
            ByRegion m = new ByRegion();
            for (Channel c : Channel.values()) {
                int ch = c.ordinal();
                for (int o = 0; o < 2; o++) {
                    m.transactions[ch * 2 + o] = registry.counter("transactions", "region", r, "channel", c.name(),
                            "outcome", OUTCOMES[o]);
                }
                m.tpv[ch] = registry.counter("tpv", "region", r, "channel", c.name());
                m.latency[ch] = registry.timer("payment_latency", "region", r, "channel", c.name());
            }
            byRegion.put(r, m);
        }
        payers = new PayersPerDay();
        Gauge.builder("active_payers", payers, PayersPerDay::today).register(registry);
    }

    public void countLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            registry.counter("transactions", "region", w.region[i], "channel", w.channel[i].name(),
                    "outcome", w.success[i] ? "success" : "failure").increment();
        }
    }

    public void countBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            byRegion.get(w.region[i]).transactions[w.channel[i].ordinal() * 2 + (w.success[i] ? 0 : 1)].increment();
        }
    }

    public void latencyLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            registry.timer("payment_latency", "region", w.region[i], "channel", w.channel[i].name())
                    .record(w.latencyMicros[i], TimeUnit.MICROSECONDS);
        }
    }

    public void latencyBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            byRegion.get(w.region[i]).latency[w.channel[i].ordinal()].record(w.latencyMicros[i], TimeUnit.MICROSECONDS);
        }
    }

    public void paymentLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            String r = w.region[i];
            String c = w.channel[i].name();
            boolean ok = w.success[i];
            registry.counter("transactions", "region", r, "channel", c, "outcome", ok ? "success" : "failure")
                    .increment();
            if (ok) {
                registry.counter("tpv", "region", r, "channel", c).increment(w.amountMinor[i]);
            }
            registry.timer("payment_latency", "region", r, "channel", c).record(w.latencyMicros[i],
                    TimeUnit.MICROSECONDS);
        }
    }

    public void paymentBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            ByRegion m = byRegion.get(w.region[i]);
            int ch = w.channel[i].ordinal();
            boolean ok = w.success[i];
            m.transactions[ch * 2 + (ok ? 0 : 1)].increment();
            if (ok) {
                m.tpv[ch].increment(w.amountMinor[i]);
            }
            m.latency[ch].record(w.latencyMicros[i], TimeUnit.MICROSECONDS);
        }
    }

    public void paymentWithPayersBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            ByRegion m = byRegion.get(w.region[i]);
            int ch = w.channel[i].ordinal();
            boolean ok = w.success[i];
            m.transactions[ch * 2 + (ok ? 0 : 1)].increment();
            if (ok) {
                m.tpv[ch].increment(w.amountMinor[i]);
                payers.add(w.atMillis[i], w.payer[i]);
            }
            m.latency[ch].record(w.latencyMicros[i], TimeUnit.MICROSECONDS);
        }
    }
}
