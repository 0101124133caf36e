package dev.northstar.metrics.scorecard;

/**
 * Where a node stands against its target or guardrail threshold, judged with the metric's
 * direction.
 *
 * <pre>{@code
 * if (score.status() == Status.BREACHED) pageTheOnCall(score.metric());
 * }</pre>
 */
public enum Status {
    /** Target reached, or guardrail within its threshold and not significantly worse. */
    ON_TRACK("on track"),
    /** Short of the target by less than its at-risk margin, or a guardrail past its warning level
     *  (or, without one, significantly worse than the comparison window) but within its limit. */
    AT_RISK("at risk"),
    /** Short of the target by more than its at-risk margin. */
    OFF_TRACK("off track"),
    /** A guardrail past its threshold. */
    BREACHED("breached"),
    /** The window (or, for relative goals, the comparison window) has no data: a zero
     *  denominator, nothing recorded, or a value that cannot be computed. */
    NO_DATA("no data"),
    /** The node has neither a target nor a threshold. */
    UNSET("-");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** Plain words for reports. */
    public String label() {
        return label;
    }
}
