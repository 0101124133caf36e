package dev.northstar.metrics.scorecard;

import static dev.northstar.metrics.definition.Formula.ref;
import static dev.northstar.metrics.testing.PaymentsWorld.LAST_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.PRIOR_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.THIS_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.WEEK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Stakeholder;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.testing.PaymentsWorld.Channel;
import dev.northstar.metrics.testing.PaymentsWorld.Region;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardTest {
    private final PaymentsWorld world = new PaymentsWorld();

    /** Week before: 1,000 payers × 2 tx × 100 fen; week: 1,100 payers × 2.2 tx × 100 fen. */
    private Scorecard growingWeek() {
        world.week(PRIOR_WEEK, 1000, 2000, 100, Region.EAST, Channel.QR);
        world.week(WEEK, 1100, 2420, 100, Region.EAST, Channel.QR);
        return Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK);
    }

    @Test
    void comparesWithThePreviousPeriodByDefault() {
        Scorecard card = growingWeek();

        assertThat(card.window()).isEqualTo(THIS_WEEK);
        assertThat(card.comparison()).isEqualTo(LAST_WEEK);
        assertThat(card.nodes()).extracting(NodeScore::metric).containsExactly("tpv", "active_payers", "tx_per_payer",
                "average_ticket", "success_rate", "fraud_rate");
    }

    @Test
    void givesEachNodesValuePriorValueAndChange() {
        NodeScore tpv = growingWeek().node("tpv");

        assertThat(tpv.current().value()).hasValue(242_000);
        assertThat(tpv.prior().value()).hasValue(200_000);
        assertThat(tpv.change().absolute()).hasValue(42_000);
        assertThat(tpv.change().relative()).hasValueCloseTo(0.21, within(1e-12));
        assertThat(tpv.change().judgement()).isEqualTo(Judgement.GOOD);
    }

    @Test
    void judgesTargetProgressWithTheMetricsDirection() {
        NodeScore tpv = growingWeek().node("tpv");

        TargetProgress target = tpv.target().orElseThrow();
        assertThat(target.level()).hasValueCloseTo(210_000.0, within(1e-6));
        assertThat(target.progress()).hasValueCloseTo(0.21 / 0.05, within(1e-9));
        assertThat(target.status()).isEqualTo(Status.ON_TRACK);
        assertThat(tpv.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void checksThatEachFormulaHoldsOnTheDataOfBothWindows() {
        Scorecard card = growingWeek();

        assertThat(card.checks()).hasSize(2);
        assertThat(card.checks()).extracting(FormulaCheck::window).containsExactly(THIS_WEEK, LAST_WEEK);
        assertThat(card.checks()).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(FormulaCheck.Verdict.HOLDS);
            assertThat(c.gap().orElseThrow()).isCloseTo(0, within(1e-6));
        });
    }

    @Test
    void aFormulaThatDoesNotHoldOnTheDataFailsItsCheck() {
        world.week(PRIOR_WEEK, 1000, 2000, 100, Region.EAST, Channel.QR);
        world.week(WEEK, 1100, 2420, 100, Region.EAST, Channel.QR);
        MetricTree wrong = MetricTree.builder().northStar("tpv").core("active_payers").core("tx_per_payer")
                .core("average_ticket").formula("tpv", Formula.product(ref("active_payers"), ref("tx_per_payer"),
                        ref("average_ticket"), Formula.constant(1.01))).build(world.registry);

        Scorecard card = Scorecard.evaluate(wrong, world.registry, THIS_WEEK);

        assertThat(card.checks()).extracting(FormulaCheck::verdict).containsOnly(FormulaCheck.Verdict.FAILS);
        assertThat(card.checks().get(0).gap()).hasValueCloseTo(2_420.0, within(1e-6));
    }

    @Test
    void statesTheSignificanceTestUsedForEachKind() {
        Scorecard card = growingWeek();

        assertThat(card.node("tpv").significance().test()).isEqualTo(SignificanceTest.NORMAL_PER_PERIOD);
        assertThat(card.node("active_payers").significance().test()).isEqualTo(SignificanceTest.SKETCH_ERROR);
        assertThat(card.node("success_rate").significance().test()).isEqualTo(SignificanceTest.TWO_PROPORTION_Z);
        assertThat(card.node("tx_per_payer").significance().test()).isEqualTo(SignificanceTest.NORMAL_PER_PERIOD);
    }

    @Test
    void exactDistinctCountsThatDifferAreSignificant() {
        assertThat(growingWeek().node("active_payers").significance().significant()).isTrue();
    }

    private static Significance successRateMoveOf(long attempts) {
        MetricRegistry registry = MetricRegistry.builder().zone(PaymentsWorld.ZONE)
                .clock(() -> WEEK.plusWeeks(1).atStartOfDay(PaymentsWorld.ZONE).toInstant()).build();
        var rate = registry.register(MetricDefinition.ratio("success_rate").description("Successes / attempts").build());
        // 95.0% -> 95.1%: a change of 0.1 percentage point
        rate.record(rate.series(), attempts * 950 / 1000, attempts, PaymentsWorld.at(PRIOR_WEEK, 0));
        rate.record(rate.series(), attempts * 951 / 1000, attempts, PaymentsWorld.at(WEEK, 0));
        MetricTree tree = MetricTree.builder().northStar("success_rate").build(registry);
        NodeScore score = Scorecard.evaluate(tree, registry, THIS_WEEK).node("success_rate");
        assertThat(score.change().absolute()).hasValueCloseTo(0.001, within(1e-12));
        return score.significance();
    }

    @Test
    void aTenthOfAPointOnAThousandAttemptsIsNotSignificant() {
        Significance s = successRateMoveOf(1_000);

        assertThat(s.test()).isEqualTo(SignificanceTest.TWO_PROPORTION_Z);
        assertThat(s.significant()).isFalse();
        assertThat(s.pValue()).hasValueCloseTo(0.918, within(0.001));   // z = 0.103
    }

    @Test
    void aTenthOfAPointOnTenMillionAttemptsIsSignificant() {
        Significance s = successRateMoveOf(10_000_000);

        assertThat(s.significant()).isTrue();
        assertThat(s.statistic()).hasValueCloseTo(10.3, within(0.1));
    }

    @Test
    void aGuardrailPastItsThresholdIsBreached() {
        world.week(PRIOR_WEEK, 100, 1000, 100, Region.EAST, Channel.QR);
        world.week(WEEK, 100, 1000, 100, Region.EAST, Channel.QR);
        for (int i = 0; i < 20; i++) {
            world.fraudRate.record(world.fraudRate.series(), true, PaymentsWorld.at(WEEK, i));
        }

        NodeScore fraud = Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK).node("fraud_rate");

        assertThat(fraud.current().value()).hasValueCloseTo(20.0 / 1020, within(1e-12));
        assertThat(fraud.guardrail().orElseThrow().status()).isEqualTo(Status.BREACHED);
        assertThat(fraud.status()).isEqualTo(Status.BREACHED);
        assertThat(fraud.change().judgement()).isEqualTo(Judgement.BAD);
    }

    @Test
    void anEmptyWindowIsNoDataNeverZeroOrNaN() {
        Scorecard card = Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK);

        assertThat(card.nodes()).allSatisfy(n -> {
            assertThat(n.current().value()).isEmpty();
            assertThat(n.prior().value()).isEmpty();
            assertThat(n.change().judgement()).isEqualTo(Judgement.NO_DATA);
            assertThat(n.status()).isEqualTo(Status.NO_DATA);
            assertThat(n.significance().test()).isEqualTo(SignificanceTest.NONE);
        });
        assertThat(card.node("tpv").current().parts()).isEqualTo(new Value.Sum(0));
        assertThat(card.checks()).extracting(FormulaCheck::verdict).containsOnly(FormulaCheck.Verdict.NO_DATA);
    }

    @Test
    void aZeroDenominatorIsNoData() {
        world.tpv.add(world.tpv.series(Region.EAST, Channel.QR), 100, PaymentsWorld.at(WEEK, 0));
        world.successRate.record(world.successRate.series(Region.EAST, Channel.QR), 0, 0, PaymentsWorld.at(WEEK, 0));

        NodeScore rate = Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK).node("success_rate");

        assertThat(rate.current().parts()).isEqualTo(new Value.Ratio(0, 0));
        assertThat(rate.current().value()).isEmpty();
        assertThat(rate.status()).isEqualTo(Status.NO_DATA);
        assertThat(rate.target().orElseThrow().status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void aRelativeTargetWithoutAComparisonValueIsNoData() {
        world.week(WEEK, 10, 10, 100, Region.EAST, Channel.QR);

        NodeScore tpv = Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK).node("tpv");

        assertThat(tpv.current().value()).hasValue(1_000);
        assertThat(tpv.change().relative()).isEmpty();
        assertThat(tpv.target().orElseThrow().status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void trendsCoverTheLastPeriodsEndingWithTheWindow() {
        Scorecard card = growingWeek();

        Trend trend = card.node("tpv").trend();
        assertThat(trend.points()).hasSize(8);
        assertThat(trend.points().get(7).label()).isEqualTo("2026-W47");
        assertThat(trend.points().get(7).value()).hasValue(242_000);
        assertThat(trend.points().get(6).value()).hasValue(200_000);
        assertThat(trend.points().get(0).value()).isEmpty();
        assertThat(trend.withData()).isEqualTo(2);
    }

    @Test
    void aStakeholdersViewKeepsTheNorthStarAndTheNodesThatServeThem() {
        Scorecard card = growingWeek();

        Scorecard merchants = card.forStakeholder(Stakeholder.of("merchants"));
        Scorecard regulators = card.forStakeholder(Stakeholder.of("regulators"));

        assertThat(merchants.nodes()).extracting(NodeScore::metric).containsExactly("tpv", "average_ticket", "success_rate");
        assertThat(merchants.stakeholder()).contains(Stakeholder.of("merchants"));
        assertThat(merchants.checks()).hasSize(2);
        assertThat(regulators.nodes()).extracting(NodeScore::metric).containsExactly("tpv", "fraud_rate");
        assertThat(regulators.node("fraud_rate").parent()).contains("tpv");
        assertThat(regulators.node("fraud_rate").depth()).isEqualTo(1);
    }

    @Test
    void aSnapshotGivesTheSameScorecardAsTheRegistry() {
        Scorecard fromRegistry = growingWeek();
        Snapshot merged = world.registry.snapshot().merge(Snapshot.empty(PaymentsWorld.ZONE, 3_600_000L));

        Scorecard fromSnapshot = Scorecard.evaluate(world.tree(), merged, THIS_WEEK);

        assertThat(fromSnapshot.nodes()).extracting(n -> n.current().value())
                .isEqualTo(fromRegistry.nodes().stream().map(n -> n.current().value()).toList());
        assertThat(fromSnapshot.nodes()).extracting(NodeScore::status)
                .isEqualTo(fromRegistry.nodes().stream().map(NodeScore::status).toList());
    }

    @Test
    void aSnapshotWithoutATreeMetricIsRefusedNamingIt() {
        Snapshot partial = world.registry.snapshot(List.of("tpv"), Long.MIN_VALUE, Long.MAX_VALUE);

        assertThatThrownBy(() -> Scorecard.evaluate(world.tree(), partial, THIS_WEEK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active_payers");
    }

    @Test
    void aFormulaOverASketchHoldsWithinTheSketchsErrorBound() {
        MetricRegistry registry = MetricRegistry.builder().zone(PaymentsWorld.ZONE)
                .clock(() -> WEEK.plusWeeks(1).atStartOfDay(PaymentsWorld.ZONE).toInstant()).build();
        DistinctMetric payers = registry.register(MetricDefinition.distinct("active_payers").lgK(4)
                .description("Payers, in a deliberately small sketch").build());
        GaugeMetric accounts = registry.register(MetricDefinition.gauge("payer_accounts").unit(Unit.IDS)
                .description("Accounts that paid, counted exactly").build());
        for (int i = 0; i < 5_000; i++) {
            payers.add(payers.series(), i, PaymentsWorld.at(WEEK, i % 3600));
        }
        accounts.set(accounts.series(), 5_000, PaymentsWorld.at(WEEK, 3600));
        MetricTree tree = MetricTree.builder().northStar("active_payers").core("payer_accounts")
                .formula("active_payers", ref("payer_accounts")).build(registry);

        FormulaCheck check = Scorecard.evaluate(tree, registry, THIS_WEEK).checks().get(0);

        assertThat(check.observed().orElseThrow()).isNotEqualTo(5_000.0);
        assertThat(check.tolerance()).isGreaterThan(Math.abs(check.gap().orElseThrow())).isGreaterThan(100);
        assertThat(check.verdict()).isEqualTo(FormulaCheck.Verdict.HOLDS);
    }

    @Test
    void evaluatesAgainstAnyComparisonWindow() {
        growingWeek();
        Window yearBefore = THIS_WEEK.sameLastYear();

        Scorecard card = Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK, yearBefore, ScoringOptions.DEFAULTS);

        assertThat(card.comparison()).isEqualTo(yearBefore);
        assertThat(card.node("tpv").prior().value()).isEmpty();
    }
}
