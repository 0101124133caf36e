package dev.northstar.metrics.snapshot;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.BooleanDimension;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.FunnelMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.RetentionMetric;
import dev.northstar.metrics.registry.SumMetric;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A registry on a manual clock holding every stored kind (count, sum, ratio, distribution, HLL
 * and Theta distinct, gauge, funnel, retention) and a derived metric, sliced by enum, open and
 * boolean dimensions; and one method that records an event of any of them.
 */
final class EveryKind {
    enum Channel { QR_SCAN, IN_APP, WEB }

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant START = ZonedDateTime.of(2025, 3, 1, 9, 0, 0, 0, SHANGHAI).toInstant();
    /** How many metrics {@link #record} chooses from. */
    static final int METRICS = 10;

    final ManualClock clock = new ManualClock(START);
    final EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);
    final OpenDimension region = Dimension.open("region", 3);
    final OpenDimension merchant = Dimension.open("merchant", 1000);
    final BooleanDimension crossBorder = Dimension.bool("cross_border");
    final MetricRegistry registry = MetricRegistry.builder()
            .zone(SHANGHAI).clock(clock).fineRetention(Duration.ofHours(6)).dayRetention(30).build();

    final CountMetric payments = registry.register(MetricDefinition.count("payments")
            .description("Payment attempts").stakeholders("users", "merchants")
            .dimensions(channel, region, crossBorder).build());
    final SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY")
            .description("Total payment value").dimensions(channel).build());
    final RatioMetric successRate = registry.register(MetricDefinition.ratio("success_rate")
            .description("Successful / attempted payments").dimensions(channel, crossBorder).build());
    final DistributionMetric latency = registry.register(MetricDefinition.distribution("auth_latency")
            .unit(Unit.MICROSECONDS).direction(Direction.LOWER_IS_BETTER)
            .description("Time from confirm to authorization").dimensions(region).build());
    final DistinctMetric payers = registry.register(MetricDefinition.distinct("active_payers")
            .description("Payers with a payment").lgK(10).dimensions(channel).build());
    final DistinctMetric payerSet = registry.register(MetricDefinition.distinct("payer_set")
            .description("Payers, for set operations").setOperations().lgK(8).build());
    final GaugeMetric balance = registry.register(MetricDefinition.gauge("wallet_balance")
            .description("Wallet balances").dimensions(region).build());
    final FunnelMetric activation = registry.register(MetricDefinition.funnel("card_to_payment",
            "card_linked", "first_payment").description("Card linked, then paid").lgK(8).dimensions(channel).build());
    final RetentionMetric retention = registry.register(MetricDefinition.retention("payer_retention")
            .description("Payers paying again").retentionDays(1, 7).lgK(8).build());
    final CountMetric merchantPayments = registry.register(MetricDefinition.count("merchant_payments")
            .description("Payments by merchant").dimensions(merchant).seriesLimit(3).build());

    EveryKind() {
        registry.register(MetricDefinition.derived("average_ticket",
                Formula.ratio(Formula.ref("tpv"), Formula.ref("payments")))
                .money("CNY").description("TPV per payment").build());
    }

    /**
     * Records one event of metric {@code metric % METRICS} at {@code atMillis}. The choices pick
     * dimension values, including null (recorded as unknown) and more open values than the
     * dimension's limit (folded into other).
     */
    void record(int metric, int a, int b, long value, long atMillis) {
        Channel ch = a % 4 == 3 ? null : Channel.values()[a % 4];
        String reg = b % 5 == 4 ? null : new String[] {"east", "west", "north", "south"}[b % 5];
        Boolean cross = b % 3 == 2 ? null : b % 3 == 1;
        long id = Math.floorMod(value, 200);
        switch (Math.floorMod(metric, METRICS)) {
            case 0 -> payments.increment(payments.series(ch, reg, cross), atMillis);
            case 1 -> tpv.add(tpv.series(ch), Math.floorMod(value, 1_000_000), atMillis);
            case 2 -> successRate.record(successRate.series(ch, cross), value % 3 != 0, atMillis);
            case 3 -> latency.record(latency.series(reg), Math.floorMod(value, 60_000_000L), atMillis);
            case 4 -> payers.add(payers.series(ch), id, atMillis);
            case 5 -> payerSet.add(payerSet.series(), id, atMillis);
            case 6 -> balance.set(balance.series(reg), value, atMillis);
            case 7 -> activation.step(activation.series(ch), b % 2, id, atMillis);
            case 8 -> {
                if (b % 2 == 0) {
                    retention.cohort(retention.series(), id, atMillis);
                } else {
                    retention.active(retention.series(), id, atMillis);
                }
            }
            default -> merchantPayments.increment(merchantPayments.series("m" + Math.floorMod(value, 6)), atMillis);
        }
    }

    /** {@link #withTraffic} for three days. */
    EveryKind withThreeDaysOfTraffic() {
        return withTraffic(72);
    }

    /**
     * Hours of traffic, events of every metric every hour with the clock moving along, so the
     * snapshot holds fine buckets, day buckets compacted from them and day buckets of late
     * events, with many ids (HLL and Theta sketches past their exact modes) and many values.
     */
    EveryKind withTraffic(int hours) {
        for (int hour = 0; hour < hours; hour++) {
            for (int i = 0; i < 40; i++) {
                long value = hour * 7919L + i * 104_729L - 3_000;
                record(i, i + hour, i * 3 + hour, value, clock.millis() + i * 1000L);
            }
            record(hour, hour, hour, hour * 31L, clock.millis() - Duration.ofHours(30).toMillis()); // late
            clock.advance(Duration.ofHours(1));
        }
        for (int i = 0; i < 3000; i++) { // push sketches into estimation mode
            payers.add(payers.series(Channel.QR_SCAN), 10_000L + i, clock.millis());
            payerSet.add(payerSet.series(), 10_000L + i, clock.millis());
        }
        return this;
    }
}
