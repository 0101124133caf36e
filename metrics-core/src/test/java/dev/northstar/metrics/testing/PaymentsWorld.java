package dev.northstar.metrics.testing;

import static dev.northstar.metrics.definition.Formula.ref;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.Mode;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.SumMetric;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import dev.northstar.metrics.tree.Target;
import dev.northstar.metrics.tree.Threshold;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A small payments registry for tests: TPV = active payers × transactions per payer × average
 * ticket, a success rate, a fraud-rate guardrail; two ISO weeks in Asia/Shanghai, the clock at the
 * end of the second.
 */
public final class PaymentsWorld {
    public enum Region { EAST, NORTH, SOUTH, WEST }

    public enum Channel { QR, APP }

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday of the comparison week (2026-W46). */
    public static final LocalDate PRIOR_WEEK = LocalDate.of(2026, 11, 9);
    /** Monday of the week evaluated (2026-W47). */
    public static final LocalDate WEEK = LocalDate.of(2026, 11, 16);
    public static final Window THIS_WEEK = Window.isoWeek(WEEK);
    public static final Window LAST_WEEK = Window.isoWeek(PRIOR_WEEK);

    public final EnumDimension<Region> region = Dimension.of("region", Region.class);
    public final EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);
    public final MetricRegistry registry;
    public final SumMetric tpv;
    public final CountMetric transactions;
    public final DistinctMetric payers;
    public final RatioMetric successRate;
    public final RatioMetric fraudRate;

    public PaymentsWorld() {
        Instant end = WEEK.plusWeeks(1).atStartOfDay(ZONE).toInstant();
        registry = MetricRegistry.builder().zone(ZONE).clock(() -> end).mode(Mode.STRICT).build();
        tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").stakeholders("platform", "merchants")
                .description("Value of successful payments, in fen").dimensions(region, channel).build());
        transactions = registry.register(MetricDefinition.count("transactions").stakeholders("platform")
                .description("Successful payments").dimensions(region, channel).build());
        payers = registry.register(MetricDefinition.distinct("active_payers").setOperations()
                .stakeholders("users", "platform").description("Payers with a successful payment").build());
        registry.register(MetricDefinition.derived("tx_per_payer", Formula.ratio(ref("transactions"), ref("active_payers")))
                .unit(Unit.ONE).stakeholders("platform").description("Transactions per active payer").build());
        registry.register(MetricDefinition.derived("average_ticket", Formula.ratio(ref("tpv"), ref("transactions")))
                .money("CNY").direction(Direction.NEUTRAL).stakeholders("merchants")
                .description("TPV per transaction, in fen").build());
        successRate = registry.register(MetricDefinition.ratio("success_rate").stakeholders("users", "merchants")
                .description("Successful payments / attempts").dimensions(region, channel).build());
        fraudRate = registry.register(MetricDefinition.ratio("fraud_rate").direction(Direction.LOWER_IS_BETTER)
                .stakeholders("regulators", "banks").description("Fraudulent / successful payments").build());
    }

    /** The default tree: TPV = payers × tx per payer × ticket; success rate; fraud-rate guardrail. */
    public MetricTree.Builder treeBuilder() {
        return MetricTree.builder()
                .northStar("tpv")
                .core("active_payers").core("tx_per_payer").core("average_ticket")
                .supporting("success_rate")
                .guardrail("fraud_rate", Threshold.atMost(0.01))
                .formula("tpv", Formula.product(ref("active_payers"), ref("tx_per_payer"), ref("average_ticket")))
                .influence("tpv", "success_rate", "fraud_rate")
                .target("tpv", Target.relativeChange(0.05))
                .target("success_rate", Target.level(0.97));
    }

    public MetricTree tree() {
        return treeBuilder().build(registry);
    }

    /** Millis of {@code second} seconds past noon of {@code day}. */
    public static long at(LocalDate day, int second) {
        return day.atTime(12, 0).atZone(ZONE).toInstant().toEpochMilli() + second * 1000L;
    }

    /** One payment attempt; a success feeds TPV, transactions and payers. */
    public void pay(long atMillis, Region r, Channel c, long payer, long amountFen, boolean success) {
        successRate.record(successRate.series(r, c), success, atMillis);
        if (success) {
            tpv.add(tpv.series(r, c), amountFen, atMillis);
            transactions.increment(transactions.series(r, c), atMillis);
            payers.add(payers.series(), payer, atMillis);
            fraudRate.record(fraudRate.series(), false, atMillis);
        }
    }

    /**
     * A week of successful payments: {@code payerCount} payers, {@code transactionCount}
     * transactions spread round-robin over them and over the week's days, each of {@code ticket} fen,
     * all in one region and channel.
     */
    public void week(LocalDate monday, int payerCount, int transactionCount, long ticket, Region r, Channel c) {
        for (int i = 0; i < transactionCount; i++) {
            pay(at(monday.plusDays(i % 7), i % 3600), r, c, i % payerCount, ticket, true);
        }
    }
}
