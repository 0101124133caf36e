package dev.northstar.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.attribution.Attribution;
import dev.northstar.metrics.attribution.DimensionAttribution;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.scorecard.Status;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incidents injected into simulated traffic, seen through the default tree's scorecard. */
class PaymentsScenarioTest {
    static final LocalDate FIRST = LocalDate.of(2026, 11, 10);
    static final LocalDate LAST = FIRST.plusDays(2);

    private static MetricRegistry simulate(Incident incident) {
        PaymentsSimulator.Config cfg = PaymentsSimulator.Config.defaults(11).withDays(FIRST, 3)
                .withPaymentsPerDay(40_000).withIncidents(List.of(incident));
        Instant end = cfg.lastDay().plusDays(1).atStartOfDay(cfg.zone()).toInstant();
        MetricRegistry registry = MetricRegistry.builder().zone(cfg.zone()).clock(() -> end).build();
        new PaymentsSimulator(cfg).run(PaymentsCatalog.create("CNY").register(registry), 2);
        return registry;
    }

    @Test
    void aBankOutageInOneRegionIsASuccessRateDropAttributedToThatBankAndRegion() {
        MetricRegistry registry = simulate(new Incident.BankOutage(LAST, "east", "ICBC", 8, 20, 0.9));
        MetricTree tree = PaymentsTree.build(registry);
        Window day = Window.day(LAST);

        Scorecard card = Scorecard.evaluate(tree, registry, day);
        assertThat(card.node("payment_success_rate").change().relative().orElseThrow()).isLessThan(-0.02);
        assertThat(card.node("payment_success_rate").significance().significant()).isTrue();

        Attribution why = Attribution.explain(tree, registry, "payment_success_rate", day, day.previous());
        DimensionAttribution region = why.dimension("region").orElseThrow();
        DimensionAttribution bank = why.dimension("bank").orElseThrow();
        assertThat(region.segments().get(0).segment()).isEqualTo("east");
        assertThat(bank.segments().get(0).segment()).isEqualTo("ICBC");
        assertThat(region.explanatorySet()).containsExactly("east");
        assertThat(why.summary()).contains("in region east");
    }

    @Test
    void aFraudWaveBreachesTheFraudLossGuardrail() {
        MetricRegistry registry = simulate(new Incident.FraudWave(LAST, 20));
        Scorecard card = Scorecard.evaluate(PaymentsTree.build(registry), registry, Window.day(LAST));

        assertThat(card.node("fraud_loss_bps").guardrail().orElseThrow().status()).isEqualTo(Status.BREACHED);
        assertThat(card.node("dispute_rate").guardrail().orElseThrow().status()).isNotEqualTo(Status.BREACHED);
    }

    @Test
    void aRedPacketSurgeRaisesP2pVolumeWithoutMovingMerchantTpv() {
        MetricRegistry registry = simulate(new Incident.RedPacketSurge(LAST, 6));
        Scorecard card = Scorecard.evaluate(PaymentsTree.build(registry), registry, Window.day(LAST));

        // red packets are small (a median of 8.88 CNY against 200 CNY transfers): volume rises by a tenth
        assertThat(card.node("p2p_volume").change().relative().orElseThrow()).isGreaterThan(0.1);
        assertThat(Math.abs(card.node("tpv").change().relative().orElseThrow())).isLessThan(0.03);
        double sent = registry.query(Query.of("red_packets_sent").window(Window.day(LAST))).value().value().orElseThrow();
        double before = registry.query(Query.of("red_packets_sent").window(Window.day(LAST.minusDays(1))))
                .value().value().orElseThrow();
        assertThat(sent / before).isGreaterThan(4);
    }

    @Test
    void theDefaultTreesFormulaHoldsOnSimulatedData() {
        MetricRegistry registry = simulate(new Incident.FraudWave(LAST, 1));
        Window week = Window.isoWeek(LAST);
        Scorecard card = Scorecard.evaluate(PaymentsTree.build(registry), registry, week);

        assertThat(card.checks()).filteredOn(check -> check.window().equals(week)).isNotEmpty()
                .allSatisfy(check -> assertThat(check.verdict().name()).isEqualTo("HOLDS"));
    }
}
