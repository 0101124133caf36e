package dev.northstar.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Striped sketches of hashed ids: per slot, column and stripe one sketch, created on first use
 * and guarded by its own try-lock (sketches are single-writer structures). A writer tries its
 * home stripe and, if another thread holds it, the next stripe, so writers on different cores
 * never wait for each other; readers lock each stripe briefly to copy it, then merge the copies.
 *
 * @param <S> the live sketch type
 */
public abstract class SketchCells<S> implements Cells {
    final int columns;
    private final AtomicReferenceArray<S> sketches;
    private final SpinLocks locks;

    SketchCells(int capacity, int columns) {
        this.columns = columns;
        int n = capacity * columns * Stripes.COUNT;
        this.sketches = new AtomicReferenceArray<>(n);
        this.locks = new SpinLocks(n);
    }

    abstract S create();

    abstract void update(S sketch, long id);

    /** Records an id (already a 64-bit value; the sketch hashes it) in a column of a slot. */
    public final void update(int slot, int column, long id) {
        int base = (slot * columns + column) * Stripes.COUNT;
        int home = Stripes.home();
        for (int attempt = 0; ; attempt++) {
            int i = base + ((home + attempt) & (Stripes.COUNT - 1));
            if (locks.tryLock(i)) {
                try {
                    S s = sketches.get(i);
                    if (s == null) {
                        s = create();
                        sketches.set(i, s);
                    }
                    update(s, id);
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
        int base = (slot * columns + column) * Stripes.COUNT;
        List<C> out = new ArrayList<>(2);
        for (int s = 0; s < Stripes.COUNT; s++) {
            int i = base + s;
            if (sketches.get(i) == null) {
                continue;
            }
            locks.lock(i);
            try {
                out.add(copy.apply(sketches.get(i)));
            } finally {
                locks.unlock(i);
            }
        }
        return out;
    }

    /** Runs {@code action} on the home stripe's sketch of a column of a slot, under its lock. */
    final void withSketch(int slot, int column, java.util.function.Consumer<S> action) {
        int i = (slot * columns + column) * Stripes.COUNT + Stripes.home();
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
            int base = (slot * columns + c) * Stripes.COUNT;
            for (int s = 0; s < Stripes.COUNT; s++) {
                if (sketches.get(base + s) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
