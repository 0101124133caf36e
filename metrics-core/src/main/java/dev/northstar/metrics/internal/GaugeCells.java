package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;

/**
 * Gauges: per slot the last value by event time. A set with an event time older than the one
 * held is ignored (it is not the last value); at equal times the larger value wins, the same
 * rule as {@link Cell.Gauge#merge}, so the outcome does not depend on thread interleaving.
 */
public final class GaugeCells implements Cells {
    private final long[] values;
    private final long[] times;
    private final SpinLocks locks;

    public GaugeCells(int capacity) {
        values = new long[capacity];
        times = new long[capacity];
        java.util.Arrays.fill(times, Long.MIN_VALUE);
        locks = new SpinLocks(capacity);
    }

    /** Sets the slot's level as of {@code atMillis}. */
    public void set(int slot, long value, long atMillis) {
        locks.lock(slot);
        try {
            if (atMillis > times[slot] || (atMillis == times[slot] && value > values[slot])) {
                values[slot] = value;
                times[slot] = atMillis;
            }
        } finally {
            locks.unlock(slot);
        }
    }

    @Override public boolean touched(int slot) {
        locks.lock(slot);
        try {
            return times[slot] != Long.MIN_VALUE;
        } finally {
            locks.unlock(slot);
        }
    }

    @Override public Cell read(int slot) {
        locks.lock(slot);
        try {
            return new Cell.Gauge(values[slot], times[slot]);
        } finally {
            locks.unlock(slot);
        }
    }

    @Override public void add(int slot, Cell cell) {
        Cell.Gauge g = (Cell.Gauge) cell;
        set(slot, g.value(), g.atMillis());
    }
}
