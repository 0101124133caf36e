package dev.northstar.benchmarks.peers;

import static dev.northstar.benchmarks.peers.PaymentWorkload.BATCH;

import dev.northstar.payments.Channel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The OpenTelemetry SDK 1.44 with a cumulative reader (a periodic reader whose export never fires
 * during a run; without a reader the SDK records nothing). Default aggregations: a sum for
 * counters, an explicit-bucket histogram for latency. Two idioms: {@code Attributes} built per
 * event, and pre-built at start-up (the API has no bound instruments), found per event by region
 * string then enum ordinals.
 */
@State(Scope.Benchmark)
public class OpenTelemetryRecording {
    static final AttributeKey<String> REGION = AttributeKey.stringKey("region");
    static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("channel");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
    static final String[] OUTCOMES = {"success", "failure"};
    PaymentWorkload w;
    SdkMeterProvider provider;
    LongCounter transactions;
    LongCounter tpv;
    LongHistogram latency;
    Map<String, ByRegion> byRegion;
    PayersPerDay payers;

    static final class ByRegion {
        final Attributes[] outcome = new Attributes[12];
        final Attributes[] channel = new Attributes[6];
    }

    /** Cumulative, and exports nowhere. */
    static final class Nowhere implements MetricExporter {
        @Override public CompletableResultCode export(Collection<MetricData> metrics) {
            return CompletableResultCode.ofSuccess();
        }
        @Override public CompletableResultCode flush() { return CompletableResultCode.ofSuccess(); }
        @Override public CompletableResultCode shutdown() { return CompletableResultCode.ofSuccess(); }
        @Override public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return AggregationTemporality.CUMULATIVE;
        }
    }

    @Setup
    public void setUp() {
        w = PaymentWorkload.shared();
        provider = SdkMeterProvider.builder().registerMetricReader(PeriodicMetricReader.builder(new Nowhere())
                .setInterval(Duration.ofDays(1)).build()).build();
        Meter meter = provider.get("dev.northstar.benchmarks.peers");
        transactions = meter.counterBuilder("transactions").build();
        tpv = meter.counterBuilder("tpv").setUnit("{fen}").build();
        latency = meter.histogramBuilder("payment_latency").setUnit("us").ofLongs().build();
        byRegion = new HashMap<>();
        for (String r : w.regions) {
            ByRegion m = new ByRegion();
            for (Channel c : Channel.values()) {
                int ch = c.ordinal();
                for (int o = 0; o < 2; o++) {
                    m.outcome[ch * 2 + o] = Attributes.of(REGION, r, CHANNEL, c.name(), OUTCOME, OUTCOMES[o]);
                }
                m.channel[ch] = Attributes.of(REGION, r, CHANNEL, c.name());
            }
            byRegion.put(r, m);
        }
        payers = new PayersPerDay();
        meter.gaugeBuilder("active_payers").buildWithCallback(g -> g.record(payers.today()));
    }

    @TearDown
    public void tearDown() {
        provider.close();
    }

    public void countLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            transactions.add(1, Attributes.of(REGION, w.region[i], CHANNEL, w.channel[i].name(),
                    OUTCOME, w.success[i] ? "success" : "failure"));
        }
    }

    public void countBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            transactions.add(1, byRegion.get(w.region[i]).outcome[w.channel[i].ordinal() * 2 + (w.success[i] ? 0 : 1)]);
        }
    }

    public void latencyLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            latency.record(w.latencyMicros[i], Attributes.of(REGION, w.region[i], CHANNEL, w.channel[i].name()));
        }
    }

    public void latencyBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            latency.record(w.latencyMicros[i], byRegion.get(w.region[i]).channel[w.channel[i].ordinal()]);
        }
    }

    public void paymentLookup(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            String r = w.region[i];
            String c = w.channel[i].name();
            boolean ok = w.success[i];
            transactions.add(1, Attributes.of(REGION, r, CHANNEL, c, OUTCOME, ok ? "success" : "failure"));
            Attributes byChannel = Attributes.of(REGION, r, CHANNEL, c);
            if (ok) {
                tpv.add(w.amountMinor[i], byChannel);
            }
            latency.record(w.latencyMicros[i], byChannel);
        }
    }

    public void paymentBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            ByRegion m = byRegion.get(w.region[i]);
            int ch = w.channel[i].ordinal();
            boolean ok = w.success[i];
            transactions.add(1, m.outcome[ch * 2 + (ok ? 0 : 1)]);
            if (ok) {
                tpv.add(w.amountMinor[i], m.channel[ch]);
            }
            latency.record(w.latencyMicros[i], m.channel[ch]);
        }
    }

    public void paymentWithPayersBound(int from) {
        PaymentWorkload w = this.w;
        for (int i = from, end = from + BATCH; i < end; i++) {
            ByRegion m = byRegion.get(w.region[i]);
            int ch = w.channel[i].ordinal();
            boolean ok = w.success[i];
            transactions.add(1, m.outcome[ch * 2 + (ok ? 0 : 1)]);
            if (ok) {
                tpv.add(w.amountMinor[i], m.channel[ch]);
                payers.add(w.atMillis[i], w.payer[i]);
            }
            latency.record(w.latencyMicros[i], m.channel[ch]);
        }
    }
}
