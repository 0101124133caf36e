package dev.northstar.metrics.tree;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a {@link MetricTree}: a registered metric, its role, where it hangs, the formula
 * that makes it from its children (if any), and its target or guardrail threshold.
 *
 * <pre>{@code
 * TreeNode tpv = tree.northStar();
 * tpv.formula().map(Formula::describe);   // "active_payers * tx_per_payer * average_ticket"
 * tpv.children();                         // [active_payers, tx_per_payer, average_ticket, success_rate]
 * }</pre>
 *
 * <p>Nodes are made only by {@link MetricTree.Builder#build}, which has already checked them.
 *
 * @param metric     the metric's name
 * @param role       North Star, core, supporting or guardrail
 * @param definition the metric's definition, as registered
 * @param parent     the parent node's name; empty for the North Star
 * @param depth      0 for the North Star, 1 for its children, ...
 * @param formula    the exact formula over (some of) the children, if the node has one
 * @param children   the children's names: formula operands first, then influences, in declaration order
 * @param target     the node's target, if any
 * @param threshold  the guardrail's threshold (present exactly for guardrails)
 */
public record TreeNode(String metric, Role role, MetricDefinition<?> definition, Optional<String> parent, int depth,
                       Optional<Formula> formula, List<String> children, Optional<Target> target,
                       Optional<Threshold> threshold) {
    /** Copies the children. */
    public TreeNode {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(definition, "definition");
        children = List.copyOf(children);
    }

    /** Whether the node is the North Star. */
    public boolean northStar() {
        return role == Role.NORTH_STAR;
    }
}
