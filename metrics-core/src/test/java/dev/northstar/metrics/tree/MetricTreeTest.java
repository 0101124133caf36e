package dev.northstar.metrics.tree;

import static dev.northstar.metrics.definition.Formula.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.testing.PaymentsWorld;
import org.junit.jupiter.api.Test;

class MetricTreeTest {
    private final PaymentsWorld world = new PaymentsWorld();

    private static InvalidTreeException refusal(Runnable build) {
        try {
            build.run();
        } catch (InvalidTreeException e) {
            return e;
        }
        throw new AssertionError("the tree was not refused");
    }

    @Test
    void listsNodesDepthFirstWithTheNorthStarAtTheRoot() {
        MetricTree tree = world.tree();

        assertThat(tree.northStar().metric()).isEqualTo("tpv");
        assertThat(tree.nodes()).extracting(TreeNode::metric).containsExactly("tpv", "active_payers", "tx_per_payer",
                "average_ticket", "success_rate", "fraud_rate");
        assertThat(tree.node("success_rate").depth()).isEqualTo(1);
        assertThat(tree.node("success_rate").parent()).contains("tpv");
        assertThat(tree.northStar().parent()).isEmpty();
    }

    @Test
    void formulaOperandsAreExactEdgesAndTheOtherChildrenInfluences() {
        MetricTree tree = world.tree();

        assertThat(tree.edges()).filteredOn(Edge::exact).extracting(Edge::child)
                .containsExactly("active_payers", "tx_per_payer", "average_ticket");
        assertThat(tree.edges()).filteredOn(e -> !e.exact()).extracting(Edge::child)
                .containsExactly("success_rate", "fraud_rate");
        assertThat(tree.node("tpv").formula()).map(Formula::describe)
                .contains("active_payers * tx_per_payer * average_ticket");
    }

    @Test
    void readsWhatDerivedNodesReferToTransitively() {
        assertThat(world.tree().definitions()).containsKeys("transactions", "tpv", "active_payers");
    }

    @Test
    void keepsTargetsAndGuardrailThresholds() {
        MetricTree tree = world.tree();

        assertThat(tree.node("tpv").target()).contains(Target.relativeChange(0.05));
        assertThat(tree.node("fraud_rate").threshold()).contains(Threshold.atMost(0.01));
        assertThat(tree.node("fraud_rate").role()).isEqualTo(Role.GUARDRAIL);
    }

    @Test
    void refusesATreeWithoutANorthStar() {
        InvalidTreeException e = refusal(() -> MetricTree.builder().core("tpv").build(world.registry));

        assertThat(e).hasMessageContaining("exactly one North Star; none was declared");
        assertThat(e.node()).isEmpty();
    }

    @Test
    void refusesTwoNorthStarsNamingBoth() {
        InvalidTreeException e = refusal(() -> world.treeBuilder().northStar("transactions").build(world.registry));

        assertThat(e.node()).isEqualTo("transactions");
        assertThat(e).hasMessageContaining("tpv and transactions are both declared as North Star");
    }

    @Test
    void refusesAnUnregisteredMetricNamingTheNode() {
        InvalidTreeException e = refusal(() -> world.treeBuilder().supporting("refund_rate")
                .influence("tpv", "refund_rate").build(world.registry));

        assertThat(e.node()).isEqualTo("refund_rate");
        assertThat(e).hasMessageContaining("node refund_rate: metric refund_rate is not registered");
    }

    @Test
    void refusesAFormulaThatNamesAnUnregisteredMetric() {
        InvalidTreeException e = refusal(() -> MetricTree.builder().northStar("tpv")
                .formula("tpv", Formula.product(ref("payers_typo"), ref("average_ticket"))).build(world.registry));

        assertThat(e.node()).isEqualTo("tpv");
        assertThat(e).hasMessageContaining("formula refers to payers_typo, which is not registered");
    }

    @Test
    void refusesACycleNamingANodeOnIt() {
        InvalidTreeException e = refusal(() -> world.treeBuilder().core("transactions")
                .formula("average_ticket", Formula.ratio(ref("tpv"), ref("transactions"))).build(world.registry));

        assertThat(e.node()).isEqualTo("tpv");
        assertThat(e).hasMessageContaining("node tpv is on a cycle: tpv -> average_ticket -> tpv");
    }

    @Test
    void refusesAProductWhoseUnitsDoNotMakeTheNodesUnit() {
        InvalidTreeException e = refusal(() -> MetricTree.builder().northStar("tpv").core("active_payers")
                .core("tx_per_payer").formula("tpv", Formula.product(ref("active_payers"), ref("tx_per_payer")))
                .build(world.registry));

        assertThat(e.node()).isEqualTo("tpv");
        assertThat(e).hasMessageContaining("node tpv: the dimensions of its formula do not line up")
                .hasMessageContaining("is in a dimensionless number, but tpv is in minor units of CNY");
    }

    @Test
    void refusesASumThatAddsMoneyToEvents() {
        InvalidTreeException e = refusal(() -> MetricTree.builder().northStar("tpv").core("transactions")
                .core("average_ticket").formula("tpv", Formula.sum(ref("average_ticket"), ref("transactions")))
                .build(world.registry));

        assertThat(e.node()).isEqualTo("tpv");
        assertThat(e).hasMessageContaining("adds minor units of CNY to events");
    }

    @Test
    void acceptsARatioWhoseMoneyCancels() {
        MetricTree tree = MetricTree.builder().northStar("average_ticket").core("tpv").core("transactions")
                .formula("average_ticket", Formula.ratio(ref("tpv"), ref("transactions"))).build(world.registry);

        assertThat(tree.node("average_ticket").children()).containsExactly("tpv", "transactions");
    }

    @Test
    void refusesANodeWithTwoParents() {
        InvalidTreeException e = refusal(() -> world.treeBuilder().influence("success_rate", "fraud_rate")
                .build(world.registry));

        assertThat(e.node()).isEqualTo("fraud_rate");
        assertThat(e).hasMessageContaining("node fraud_rate has two parents, tpv and success_rate");
    }

    @Test
    void refusesANodeNotConnectedToTheNorthStar() {
        InvalidTreeException e = refusal(() -> MetricTree.builder().northStar("tpv").supporting("success_rate")
                .build(world.registry));

        assertThat(e.node()).isEqualTo("success_rate");
        assertThat(e).hasMessageContaining("node success_rate is not connected to the North Star tpv");
    }

    @Test
    void refusesANodeDeclaredTwice() {
        InvalidTreeException e = refusal(() -> world.treeBuilder().supporting("active_payers").build(world.registry));

        assertThat(e.node()).isEqualTo("active_payers");
        assertThat(e).hasMessageContaining("node active_payers is declared twice");
    }

    @Test
    void refusesALinkToAnUndeclaredNode() {
        InvalidTreeException e = refusal(() -> MetricTree.builder().northStar("tpv")
                .influence("tpv", "success_rate").build(world.registry));

        assertThat(e.node()).isEqualTo("success_rate");
        assertThat(e).hasMessageContaining("influence success_rate is not a node of the tree");
    }

    @Test
    void refusesAThresholdOnANodeThatIsNotAGuardrail() {
        InvalidTreeException e = refusal(() -> world.treeBuilder().threshold("success_rate", Threshold.atLeast(0.9))
                .build(world.registry));

        assertThat(e.node()).isEqualTo("success_rate");
        assertThat(e).hasMessageContaining("only guardrails have thresholds");
    }

    @Test
    void refusesBadTargetAndThresholdNumbersWhenDeclared() {
        assertThatThrownBy(() -> Target.level(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Target.relativeChange(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Threshold.noWorseThan(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Threshold.atMost(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsAgainstASnapshotsDefinitions() {
        MetricTree tree = world.treeBuilder().build(world.registry.snapshot());

        assertThat(tree.nodes()).hasSize(6);
    }
}
