package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;

/**
 * The live, concurrently written state of one metric in one time bucket: one cell per series
 * slot. Writers use the kind-specific methods of the implementations; readers copy a slot into
 * an immutable {@link Cell}.
 */
public interface Cells {

    /** Whether the slot has received any write. */
    boolean touched(int slot);

    /** An immutable copy of the slot's state; only called for touched slots. */
    Cell read(int slot);

    /** Adds an immutable cell (from a compacted or merged bucket) into the slot. */
    void add(int slot, Cell cell);
}
