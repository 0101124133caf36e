package dev.northstar.metrics.tree;

import java.util.Objects;

/**
 * A link from a node of a {@link MetricTree} to one of its children: either part of the parent's
 * exact formula, or a plain influence (the child moves the parent, by no formula).
 *
 * <pre>{@code
 * for (Edge e : tree.edges()) {
 *     System.out.println(e.parent() + (e.exact() ? " = f(" : " <- ") + e.child());
 * }
 * }</pre>
 *
 * @param parent the parent node's metric name
 * @param child  the child node's metric name
 * @param kind   whether the edge carries the parent's formula
 */
public record Edge(String parent, String child, Kind kind) {
    /** Validates that every part is present. */
    public Edge {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(kind, "kind");
    }

    /** The two kinds of edge. */
    public enum Kind {
        /** The child is an operand of the parent's formula (sum, difference, product, ratio). */
        FORMULA,
        /** The child influences the parent, with no formula. */
        INFLUENCE
    }

    /** Whether the edge carries an exact formula. */
    public boolean exact() {
        return kind == Kind.FORMULA;
    }
}
