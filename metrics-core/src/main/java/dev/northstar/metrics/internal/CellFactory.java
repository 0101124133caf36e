package dev.northstar.metrics.internal;

/** Creates the empty cells of one metric for a new time bucket. */
@FunctionalInterface
public interface CellFactory {
    Cells create();
}
