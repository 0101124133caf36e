package dev.northstar.metrics.tree;

/**
 * The part a metric plays in a {@link MetricTree}, after the product framework's success-metrics
 * hierarchy.
 *
 * <pre>{@code
 * MetricTree.builder().northStar("tpv").core("active_payers").guardrail("fraud_rate", Threshold.atMost(0.001));
 * }</pre>
 */
public enum Role {
    /** The one metric the product steers by; the root of the tree. */
    NORTH_STAR("north star", "NS"),
    /** A direct driver of the North Star (often a factor of its formula). */
    CORE("core", "core"),
    /** An indicator that explains or leads a core driver. */
    SUPPORTING("supporting", "supp"),
    /** A risk metric with a threshold that must not be breached while the North Star is pushed. */
    GUARDRAIL("guardrail", "guard");

    private final String label;
    private final String abbreviation;

    Role(String label, String abbreviation) {
        this.label = label;
        this.abbreviation = abbreviation;
    }

    /** Lower-case words for reports: {@code north star}, {@code core}... */
    public String label() {
        return label;
    }

    /** At most five characters, for narrow tables. */
    public String abbreviation() {
        return abbreviation;
    }
}
