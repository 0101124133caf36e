package dev.northstar.payments;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.tree.MetricTree;
import dev.northstar.metrics.tree.Target;
import dev.northstar.metrics.tree.Threshold;

/**
 * The default success-metrics tree of a payment platform, over the {@link PaymentsCatalog}:
 *
 * <pre>
 * North Star  tpv = active_payers × transactions_per_payer × average_ticket   (exact)
 * core        active_payers, transactions_per_payer, average_ticket (the formula's factors);
 *             payment_success_rate, active_merchants, new_payers (influences)
 * supporting  card_link_success_rate (under new_payers), p2p_volume (under active_payers)
 * guardrails  fraud_loss_bps ≤ 5 bps, dispute_rate ≤ 0.65%, refund_rate ≤ 5%,
 *             payment_latency p99 ≤ 1 s
 * </pre>
 *
 * <pre>{@code
 * MetricTree tree = PaymentsTree.defaults().target("tpv", Target.relativeChange(0.03)).build(registry);
 * Scorecard week = Scorecard.evaluate(tree, registry, Window.isoWeek(today));
 * }</pre>
 *
 * <p>Thresholds and their sources: the dispute rate's 0.65% is the card schemes' published early
 * warning level (Visa's dispute monitoring program); 5 bps of fraud loss sits below the roughly
 * 6–7 bps of card fraud losses the Nilson Report publishes for the card industry; a 5% refund rate
 * and a one-second p99 are conventional operating limits a host should tune. Stakeholders come
 * from each definition. Hosts change targets and thresholds, pick another North Star (e.g.
 * weekly active payers) or add their own metrics by editing the returned builder or starting
 * from {@link MetricTree#builder()}.
 */
public final class PaymentsTree {
    private PaymentsTree() {
    }

    /** The default tree as a builder, for a host to adjust before building. */
    public static MetricTree.Builder defaults() {
        return MetricTree.builder()
                .northStar("tpv")
                .core("active_payers").core("transactions_per_payer").core("average_ticket")
                .core("payment_success_rate").core("active_merchants").core("new_payers")
                .supporting("card_link_success_rate").supporting("p2p_volume")
                .guardrail("fraud_loss_bps", Threshold.atMost(5).warnAt(3))
                .guardrail("dispute_rate", Threshold.atMost(0.0065).warnAt(0.005))
                .guardrail("refund_rate", Threshold.atMost(0.05).warnAt(0.03))
                .guardrail("payment_latency", Threshold.atMost(1_000_000).warnAt(800_000))
                .formula("tpv", Formula.product(Formula.ref("active_payers"), Formula.ref("transactions_per_payer"),
                        Formula.ref("average_ticket")))
                .influence("tpv", "payment_success_rate", "active_merchants", "new_payers", "fraud_loss_bps",
                        "dispute_rate", "refund_rate", "payment_latency")
                .influence("new_payers", "card_link_success_rate")
                .influence("active_payers", "p2p_volume")
                .target("tpv", Target.relativeChange(0.01))
                .target("payment_success_rate", Target.level(0.97).atRiskWithin(0.005));
    }

    /** The default tree over a registry the catalog was registered in. */
    public static MetricTree build(MetricRegistry registry) {
        return defaults().build(registry);
    }
}
