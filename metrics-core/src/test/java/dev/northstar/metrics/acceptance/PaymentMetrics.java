package dev.northstar.metrics.acceptance;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.BooleanDimension;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.registry.Bucket;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.FunnelMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.RetentionMetric;
import dev.northstar.metrics.registry.SumMetric;
import java.util.List;

/**
 * One metric of every kind over the same three dimensions (channel: enum; merchant: open, with a
 * limit the caller sets, {@link #MERCHANT_LIMIT} to have some merchants fold into {@code (other)};
 * cross_border: boolean), registered in a registry, and the recorder that feeds every one of them
 * from a {@link Payment}.
 */
public final class PaymentMetrics {
    public static final String PAYMENTS = "payments";
    public static final String TPV = "tpv";
    public static final String REFUNDS = "refunds";
    public static final String SUCCESS_RATE = "success_rate";
    public static final String LATENCY = "latency";
    public static final String PAYERS = "payers";
    public static final String PAYERS_THETA = "payers_theta";
    public static final String BALANCE = "balance";
    public static final String AVERAGE_TICKET = "average_ticket";
    public static final String NET_TPV = "net_tpv";
    public static final String CHECKOUT = "checkout";
    public static final String PAYER_RETENTION = "payer_retention";

    /** Every metric, in registration order. */
    public static final List<String> ALL = List.of(PAYMENTS, TPV, REFUNDS, SUCCESS_RATE, LATENCY, PAYERS,
            PAYERS_THETA, BALANCE, AVERAGE_TICKET, NET_TPV, CHECKOUT, PAYER_RETENTION);
    /** Dimension names, in key order. */
    public static final List<String> DIMENSIONS = List.of("channel", "merchant", "cross_border");
    /** Distinct merchants with a label of their own; the rest fold into {@code (other)}. */
    public static final int MERCHANT_LIMIT = 3;
    /** Retention offsets in days. */
    public static final List<Integer> RETENTION_DAYS = List.of(1, 2, 7);

    private final MetricRegistry registry;
    private final CountMetric payments;
    private final SumMetric tpv;
    private final SumMetric refunds;
    private final RatioMetric successRate;
    private final DistributionMetric latency;
    private final DistinctMetric payers;
    private final DistinctMetric payersTheta;
    private final GaugeMetric balance;
    private final FunnelMetric checkout;
    private final RetentionMetric retention;

    /** Registers the metrics, with a fresh set of dimensions (open dimensions assign codes per instance). */
    public PaymentMetrics(MetricRegistry registry, int latencyDigits, int merchantLimit) {
        this.registry = registry;
        EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);
        OpenDimension merchant = Dimension.open("merchant", merchantLimit);
        BooleanDimension crossBorder = Dimension.bool("cross_border");
        Dimension<?>[] dims = {channel, merchant, crossBorder};
        payments = registry.register(MetricDefinition.count(PAYMENTS)
                .description("Successful payments").dimensions(dims).build());
        tpv = registry.register(MetricDefinition.sum(TPV).money("CNY")
                .description("Value of successful payments").dimensions(dims).build());
        refunds = registry.register(MetricDefinition.sum(REFUNDS).money("CNY")
                .description("Value refunded").dimensions(dims).build());
        successRate = registry.register(MetricDefinition.ratio(SUCCESS_RATE)
                .description("Successful payments / attempts").dimensions(dims).build());
        latency = registry.register(MetricDefinition.distribution(LATENCY).unit(Unit.MICROSECONDS)
                .significantDigits(latencyDigits).description("Authorization latency").dimensions(dims).build());
        payers = registry.register(MetricDefinition.distinct(PAYERS)
                .description("Payers who attempted a payment").dimensions(dims).build());
        payersTheta = registry.register(MetricDefinition.distinct(PAYERS_THETA).setOperations()
                .description("Payers who attempted a payment, in a Theta sketch").dimensions(dims).build());
        balance = registry.register(MetricDefinition.gauge(BALANCE).money("CNY")
                .description("Balance level").dimensions(dims).build());
        registry.register(MetricDefinition.derived(AVERAGE_TICKET,
                        Formula.ratio(Formula.ref(TPV), Formula.ref(PAYMENTS)))
                .money("CNY").description("TPV per successful payment").dimensions(dims).build());
        registry.register(MetricDefinition.derived(NET_TPV,
                        Formula.difference(Formula.ref(TPV), Formula.ref(REFUNDS)))
                .money("CNY").description("TPV net of refunds").dimensions(dims).build());
        checkout = registry.register(MetricDefinition.funnel(CHECKOUT, "opened", "confirmed", "paid")
                .description("Checkout opened, confirmed, paid").dimensions(dims).build());
        retention = registry.register(MetricDefinition.retention(PAYER_RETENTION)
                .retentionDays(RETENTION_DAYS.toArray(new Integer[0]))
                .description("Payers of the cohort active again").dimensions(dims).build());
    }

    public MetricRegistry registry() {
        return registry;
    }

    /** Records one payment into every metric, at its event time or through its bucket. */
    public void record(Payment p) {
        int s = payments.series(p.channel(), p.merchant(), p.crossBorder());
        long t = p.atMillis();
        if (p.viaBucket()) {
            Bucket b = registry.bucketAt(t);
            if (p.success()) {
                payments.increment(b, s);
                tpv.add(b, s, p.amount());
            }
            if (p.refund() > 0) {
                refunds.add(b, s, p.refund());
            }
            successRate.record(b, s, p.success());
            latency.record(b, s, p.latencyMicros());
            payers.add(b, s, p.payer());
            payersTheta.add(b, s, p.payer());
            checkout.step(b, s, p.checkoutStep(), p.payer());
            if (p.joinsCohort()) {
                retention.cohort(b, s, p.payer());
            } else {
                retention.active(b, s, p.payer());
            }
        } else {
            if (p.success()) {
                payments.increment(s, t);
                tpv.add(s, p.amount(), t);
            }
            if (p.refund() > 0) {
                refunds.add(s, p.refund(), t);
            }
            successRate.record(s, p.success() ? 1 : 0, 1, t);
            latency.record(s, p.latencyMicros(), t);
            payers.add(s, p.payer(), t);
            payersTheta.add(s, p.payer(), t);
            checkout.step(s, p.checkoutStep(), p.payer(), t);
            if (p.joinsCohort()) {
                retention.cohort(s, p.payer(), t);
            } else {
                retention.active(s, p.payer(), t);
            }
        }
        balance.set(s, p.balance(), t);
    }
}
