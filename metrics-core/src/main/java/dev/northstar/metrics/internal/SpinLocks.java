package dev.northstar.metrics.internal;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One tiny try-lock per cell, for the cells whose state is more than one word (gauges, sketches).
 * Writers never wait on a held lock when another stripe is free: they {@link #tryLock try} their
 * home stripe and move on to the next, so a lock is only ever contended when every stripe of a
 * cell is busy at once, and then the writer spins briefly. Uncontended, a lock costs one
 * compare-and-set and one release store.
 */
final class SpinLocks {
    private final AtomicIntegerArray locks;

    SpinLocks(int size) {
        locks = new AtomicIntegerArray(size);
    }

    boolean tryLock(int i) {
        return locks.get(i) == 0 && locks.compareAndSet(i, 0, 1);
    }

    void lock(int i) {
        while (!tryLock(i)) {
            Thread.onSpinWait();
        }
    }

    void unlock(int i) {
        locks.lazySet(i, 0);
    }
}
