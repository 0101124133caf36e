package dev.northstar.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Striped sketches (HLL and Theta sketches of hashed ids, HdrHistograms of values): per slot,
 * column and stripe one sketch, created on first use and guarded by its own try-lock (sketches
 * are single-writer structures). A writer tries its
 * home stripe and, if another thread holds it, the next stripe, so writers on different cores
 * never wait for each other; readers lock each stripe briefly to copy it, then merge the copies.
 *
 * <p>Layout: stripe-major. Each stripe owns a block of {@code capacity × columns} locks (and
 * sketch references), and blocks are {@link #PAD} entries (128 bytes) apart, so two threads
 * writing the same series on different stripes never take locks on one cache line, nor on the
 * adjacent line a core's spatial prefetcher pairs with it.
 *
 * <p>Most id records change nothing: once a sketch is past its first few thousand ids, an id's
 * hash rarely raises an HLL register or falls under a Theta sketch's theta. So the sketch kinds
 * keep, per cell, a lock-free summary of what its stripes already hold (HLL floors, a Theta
 * bound), written only when a locked update taught it something; a record whose key it covers
 * returns without taking any lock or writing any shared line, and only the others go on to
 * {@link #locked}. Both cores then only read the same lines,
 * which is what lets two threads recording one series scale. The summary may under-state what
 * the sketches hold (then the record takes the lock, as before), never over-state it, so the
 * merged result is what the sketches would have held without it.
 *
 * @param <S> the live sketch type
 */
public abstract class SketchCells<S> implements Cells {
    /** Entries between two stripes' blocks: 32 ints or compressed references, 128 bytes. */
    static final int PAD = 32;

    final int columns;
    private final int stride;
    private final AtomicReferenceArray<S> sketches;
    private final SpinLocks locks;

    SketchCells(int capacity, int columns) {
        this.columns = columns;
        this.stride = capacity * columns + PAD;
        int n = stride * Stripes.COUNT;
        this.sketches = new AtomicReferenceArray<>(n);
        this.locks = new SpinLocks(n);
    }

    /** Index of a slot's column in a stripe's block. */
    private int index(int slot, int column, int stripe) {
        return stripe * stride + slot * columns + column;
    }

    abstract S create();

    /** Feeds a key to a stripe's sketch, under that stripe's lock, and updates the cell's summary. */
    abstract void apply(S sketch, int cell, long key);

    /**
     * Feeds a key (an id's hash for the sketches, a value for histograms) to a column of a slot:
     * to the sketch of the first stripe, from the writer's home stripe on, whose try-lock it gets.
     */
    final void locked(int slot, int column, long key) {
        int home = Stripes.home();
        for (int attempt = 0; ; attempt++) {
            int i = index(slot, column, (home + attempt) & (Stripes.COUNT - 1));
            if (locks.tryLock(i)) {
                try {
                    S s = sketches.get(i);
                    if (s == null) {
                        s = create();
                        sketches.set(i, s);
                    }
                    apply(s, slot * columns + column, key);
                    return;
                } finally {
                    locks.unlock(i);
                }
            }
            if (attempt >= Stripes.COUNT) {
                Thread.onSpinWait();
            }
        }
    }

    /** Copies of the non-empty stripes of a column of a slot, each taken under its lock. */
    final <C> List<C> copies(int slot, int column, java.util.function.Function<S, C> copy) {
        List<C> out = new ArrayList<>(2);
        forEachStripe(slot, column, s -> out.add(copy.apply(s)));
        return out;
    }

    /** Runs {@code action} on each existing stripe's sketch of a column of a slot, under its lock. */
    final void forEachStripe(int slot, int column, java.util.function.Consumer<S> action) {
        for (int s = 0; s < Stripes.COUNT; s++) {
            int i = index(slot, column, s);
            if (sketches.get(i) == null) {
                continue;
            }
            locks.lock(i);
            try {
                action.accept(sketches.get(i));
            } finally {
                locks.unlock(i);
            }
        }
    }

    /** Runs {@code action} on the home stripe's sketch of a column of a slot, under its lock. */
    final void withSketch(int slot, int column, java.util.function.Consumer<S> action) {
        int i = index(slot, column, Stripes.home());
        locks.lock(i);
        try {
            S s = sketches.get(i);
            if (s == null) {
                s = create();
                sketches.set(i, s);
            }
            action.accept(s);
        } finally {
            locks.unlock(i);
        }
    }

    @Override public boolean touched(int slot) {
        for (int c = 0; c < columns; c++) {
            for (int s = 0; s < Stripes.COUNT; s++) {
                if (sketches.get(index(slot, c, s)) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
