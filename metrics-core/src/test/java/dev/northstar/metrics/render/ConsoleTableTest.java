package dev.northstar.metrics.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Stakeholder;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.tree.MetricTree;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    @Test
    void everyLineFitsOneHundredAndTwentyColumns() {
        Reports r = new Reports(true);

        String text = ConsoleTable.render(r.card(), r.why());

        assertThat(text.lines()).isNotEmpty().allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        assertThat(text.lines().filter(l -> l.length() > 100).count()).isPositive();
    }

    @Test
    void longNamesAreCutNotOverflowed() {
        PaymentsWorld world = new PaymentsWorld();
        String longName = "a_supporting_metric_with_a_very_long_name_that_goes_on_and_on_x";
        world.registry.register(MetricDefinition.count(longName).description("Long").build());
        MetricTree tree = world.treeBuilder().supporting(longName).influence("tpv", longName).build(world.registry);

        String text = ConsoleTable.render(Scorecard.evaluate(tree, world.registry, PaymentsWorld.THIS_WEEK));

        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        assertThat(text).contains("\n  a_supporting_metric_w\u2026 supp");
    }

    @Test
    void showsOneIndentedRowPerNodeWithUnitsPeopleRead() {
        Reports r = new Reports(true);

        String text = ConsoleTable.render(r.card());

        assertThat(text).contains("tpv ").contains("\n  active_payers").contains("\n  success_rate");
        assertThat(text).containsPattern("CNY [0-9,]+\\.[0-9]{2}");
        assertThat(text).containsPattern("9[0-9]\\.[0-9]{2}%");
        assertThat(text).contains(" pp").contains("SIG tests: Z2 two-proportion z");
        assertThat(text).contains("check tpv = active_payers * tx_per_payer * average_ticket in 2026-W47: holds");
    }

    @Test
    void printsTheAttributionSummary() {
        Reports r = new Reports(true);

        String text = ConsoleTable.render(r.card(), r.why());

        assertThat(text).contains("Why: " + r.why().summary().substring(0, 40));
        assertThat(text).contains("factors of tpv");
    }

    @Test
    void anEmptyWindowPrintsNoDataAndNeverNaN() {
        Reports r = new Reports(false);

        String text = ConsoleTable.render(r.card(), r.why());

        assertThat(text).contains("no data").doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(Arrays.stream(text.split("\n")).filter(l -> l.startsWith("tpv")).findFirst().orElseThrow())
                .contains("no data");
    }

    @Test
    void aStakeholdersViewSaysWhose() {
        Reports r = new Reports(true);

        String text = ConsoleTable.render(r.card().forStakeholder(Stakeholder.of("regulators")));

        assertThat(text.lines().findFirst().orElseThrow()).endsWith("| view: regulators");
        assertThat(text).contains("\n  fraud_rate").doesNotContain("\n  active_payers");
    }
}
