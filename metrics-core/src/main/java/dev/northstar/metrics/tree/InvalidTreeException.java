package dev.northstar.metrics.tree;

/**
 * Thrown by {@link MetricTree.Builder#build} when a tree is refused: cyclic, with no or two North
 * Stars, naming an unregistered metric, or with a formula whose units do not line up. The message
 * names the node, and {@link #node()} returns it.
 *
 * <pre>{@code
 * try {
 *     tree = builder.build(registry);
 * } catch (InvalidTreeException e) {
 *     log.error("metric tree refused at node {}: {}", e.node(), e.getMessage());
 * }
 * }</pre>
 */
public final class InvalidTreeException extends IllegalArgumentException {
    private final String node;

    InvalidTreeException(String node, String message) {
        super(message);
        this.node = node;
    }

    /** The metric name of the node at fault; empty when the fault is that there is no North Star. */
    public String node() {
        return node;
    }
}
