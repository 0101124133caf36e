package dev.northstar.metrics.scorecard;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.tree.Role;
import java.util.Optional;

/**
 * One node of an evaluated {@link Scorecard}.
 *
 * <pre>{@code
 * NodeScore tpv = card.node("tpv");
 * tpv.change().relative();        // -0.042
 * tpv.significance().significant();
 * tpv.status();                   // OFF_TRACK
 * }</pre>
 *
 * <p>Values are in the metric's unit ({@link MetricDefinition#unit()}): money in minor currency
 * units, ratios in [0, 1] (a change of 0.001 is 0.1 percentage point), distinct counts in ids.
 * Missing values are empty, never NaN.
 *
 * @param metric       the metric's name
 * @param role         its role in the tree
 * @param definition   its definition (unit, currency, direction, stakeholders)
 * @param parent       the parent shown above it (the nearest kept ancestor in a stakeholder view)
 * @param depth        0 for the North Star
 * @param formula      the node's exact formula in infix, if it has one
 * @param current      the value in the window
 * @param prior        the value in the comparison window
 * @param change       absolute and relative change and whether it is good
 * @param significance whether the change is significant, and by which test
 * @param target       progress toward the target, if the node has one
 * @param guardrail    the guardrail's state, if the node is one
 * @param status       the guardrail's status, else the target's, else {@link Status#UNSET};
 *                     {@link Status#NO_DATA} whenever the window has no value
 * @param trend        the value over the last periods
 */
public record NodeScore(String metric, Role role, MetricDefinition<?> definition, Optional<String> parent, int depth,
                        Optional<String> formula, Reading current, Reading prior, Change change,
                        Significance significance, Optional<TargetProgress> target,
                        Optional<GuardrailState> guardrail, Status status, Trend trend) {

    /** The same score hung under another parent at another depth (for stakeholder views). */
    NodeScore reparent(Optional<String> newParent, int newDepth) {
        return new NodeScore(metric, role, definition, newParent, newDepth, formula, current, prior, change,
                significance, target, guardrail, status, trend);
    }
}
