package dev.northstar.metrics.attribution;

import static dev.northstar.metrics.definition.Formula.ref;
import static dev.northstar.metrics.testing.PaymentsWorld.PRIOR_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.THIS_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.SumMetric;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.testing.PaymentsWorld.Channel;
import dev.northstar.metrics.testing.PaymentsWorld.Region;
import dev.northstar.metrics.tree.MetricTree;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AttributionTest {
    private final PaymentsWorld world = new PaymentsWorld();

    private static double contribution(Attribution a, String metric) {
        return a.factors().orElseThrow().factors().stream().filter(f -> f.metric().equals(metric)).findFirst()
                .orElseThrow().contribution();
    }

    @Test
    void payersAndTransactionsPerPayerUpTenPercentEachSplitTpvsTwentyOnePercentEvenly() {
        world.week(PRIOR_WEEK, 1000, 2000, 100, Region.EAST, Channel.QR);
        world.week(WEEK, 1100, 2420, 100, Region.EAST, Channel.QR);

        Attribution a = Attribution.explain(world.tree(), world.registry, THIS_WEEK);

        assertThat(a.relativeChange()).hasValueCloseTo(0.21, within(1e-12));
        assertThat(contribution(a, "active_payers")).isCloseTo(21_000, within(1e-6));
        assertThat(contribution(a, "tx_per_payer")).isCloseTo(21_000, within(1e-6));
        assertThat(contribution(a, "average_ticket")).isCloseTo(0, within(1e-6));
        assertThat(a.summary())
                .isEqualTo("tpv +21.0% vs previous week; active payers +10.0% and tx per payer +10.0% explain 50% each");
    }

    /** Every region attempts 1,000,000 fen a week; by value, success falls from 97% to 85% in the east only. */
    private MetricTree valueSuccessTree() {
        SumMetric attempted = world.registry.register(MetricDefinition.sum("attempted_value").money("CNY")
                .description("Value of payment attempts, in fen").dimensions(world.region).build());
        RatioMetric byValue = world.registry.register(MetricDefinition.ratio("value_success_rate")
                .description("Successful value / attempted value").dimensions(world.region).build());
        for (Region r : Region.values()) {
            for (LocalDate monday : new LocalDate[] {PRIOR_WEEK, WEEK}) {
                long ok = monday.equals(WEEK) && r == Region.EAST ? 850_000 : 970_000;
                attempted.add(attempted.series(r), 1_000_000, at(monday, 0));
                byValue.record(byValue.series(r), ok, 1_000_000, at(monday, 0));
                world.tpv.add(world.tpv.series(r, Channel.QR), ok, at(monday, 0));
            }
        }
        return MetricTree.builder().northStar("tpv").core("attempted_value").core("value_success_rate")
                .formula("tpv", Formula.product(ref("attempted_value"), ref("value_success_rate")))
                .build(world.registry);
    }

    @Test
    void drillsIntoTheFactorThatExplainsMostAndNamesItsSegment() {
        Attribution a = Attribution.explain(valueSuccessTree(), world.registry, THIS_WEEK);

        assertThat(a.summary()).isEqualTo("tpv \u22123.1% vs previous week; value success rate \u22123.0 pp explains 100%; "
                + "value success rate in region EAST \u221212.0 pp explains 100%");
        Attribution rate = a.drillDown().orElseThrow();
        assertThat(rate.metric()).isEqualTo("value_success_rate");
        assertThat(rate.bestDimension()).contains("region");
        DimensionAttribution byRegion = rate.dimension("region").orElseThrow();
        assertThat(byRegion.segments().get(0).segment()).isEqualTo("EAST");
        assertThat(byRegion.rateEffect()).isCloseTo(-0.03, within(1e-12));
        assertThat(byRegion.mixEffect()).isCloseTo(0, within(1e-12));
    }

    @Test
    void tpvsOwnRegionsExplainItsMoveAdditively() {
        Attribution a = Attribution.explain(valueSuccessTree(), world.registry, THIS_WEEK);

        DimensionAttribution byRegion = a.dimension("region").orElseThrow();
        assertThat(byRegion.shape()).isEqualTo(DimensionAttribution.Shape.ADDITIVE);
        assertThat(byRegion.change()).isEqualTo(-120_000.0);
        assertThat(byRegion.segments().get(0).segment()).isEqualTo("EAST");
        assertThat(byRegion.segments().get(0).explanatoryPower()).hasValue(1.0);
        assertThat(byRegion.explanatorySet()).containsExactly("EAST");
        assertThat(a.bestDimension()).contains("region");
    }

    @Test
    void aSuccessRateThatFallsWhileEveryChannelRisesIsAttributedToMix() {
        // QR 90% -> 95%, APP 98% -> 99%, but attempts move from APP to QR
        RatioMetric rate = world.successRate;
        rate.record(rate.series(Region.EAST, Channel.QR), 900, 1000, at(PRIOR_WEEK, 0));
        rate.record(rate.series(Region.EAST, Channel.APP), 8820, 9000, at(PRIOR_WEEK, 0));
        rate.record(rate.series(Region.EAST, Channel.QR), 8550, 9000, at(WEEK, 0));
        rate.record(rate.series(Region.EAST, Channel.APP), 990, 1000, at(WEEK, 0));
        MetricTree tree = MetricTree.builder().northStar("success_rate").build(world.registry);

        Attribution a = Attribution.explain(tree, world.registry, THIS_WEEK);

        DimensionAttribution byChannel = a.dimension("channel").orElseThrow();
        assertThat(a.change()).hasValueCloseTo(-0.018, within(1e-12));
        assertThat(byChannel.segments()).allSatisfy(s -> assertThat(s.current().getAsDouble())
                .isGreaterThan(s.prior().getAsDouble()));
        assertThat(byChannel.mostlyMix()).isTrue();
        assertThat(byChannel.mixEffect()).isLessThan(a.change().getAsDouble());
        assertThat(byChannel.rateEffect() + byChannel.mixEffect()).isCloseTo(a.change().getAsDouble(), within(1e-15));
        assertThat(a.bestDimension()).contains("channel");
        assertThat(a.summary()).contains("mostly a mix shift across channel").contains("(mix)");
    }

    @Test
    void anEmptyWindowIsNoDataWithNothingSplit() {
        world.week(PRIOR_WEEK, 10, 20, 100, Region.EAST, Channel.QR);

        Attribution a = Attribution.explain(world.tree(), world.registry, THIS_WEEK);

        assertThat(a.current()).isEmpty();
        assertThat(a.change()).isEmpty();
        assertThat(a.factors()).isEmpty();
        assertThat(a.dimensions()).isEmpty();
        assertThat(a.summary()).isEqualTo("tpv: no data in 2026-W47");
        assertThat(a.notes()).singleElement().asString().contains("no data in the window 2026-W47");
    }

    @Test
    void aDistinctCountIsNotSplitBySegmentAndSaysWhy() {
        world.week(PRIOR_WEEK, 10, 20, 100, Region.EAST, Channel.QR);
        world.week(WEEK, 12, 20, 100, Region.EAST, Channel.QR);
        world.registry.register(MetricDefinition.distinct("payers_by_region").dimensions(world.region)
                .description("Payers per region").build()).add(0, 1L, at(WEEK, 0));
        MetricTree tree = MetricTree.builder().northStar("active_payers").build(world.registry);

        Attribution a = Attribution.explain(tree, world.registry, THIS_WEEK);

        assertThat(a.change()).hasValue(2.0);
        assertThat(a.dimensions()).isEmpty();
        assertThat(a.summary()).isEqualTo("active payers +20.0% vs previous week");
    }

    @Test
    void explainsAnyNodeAgainstAnyComparisonWindow() {
        world.week(PRIOR_WEEK, 1000, 2000, 100, Region.EAST, Channel.QR);
        world.week(WEEK, 1100, 2420, 100, Region.EAST, Channel.QR);

        Attribution a = Attribution.explain(world.tree(), world.registry, "tx_per_payer", THIS_WEEK,
                THIS_WEEK.sameLastWeek());

        assertThat(a.metric()).isEqualTo("tx_per_payer");
        assertThat(a.relativeChange()).hasValueCloseTo(0.10, within(1e-12));
        assertThat(a.summary()).isEqualTo("tx per payer +10.0% vs previous week");
    }
}
