package dev.northstar.metrics.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Which stripe of a striped cell the current thread writes to.
 *
 * <p>Every concurrent cell spreads writers over a few stripes so two threads recording the same
 * series do not fight over one cache line; readers add the stripes up. A thread's home stripe is
 * a hash of its id: {@link Thread#currentThread()} is an intrinsic and the id a field read, so
 * this costs a few instructions and no thread-local lookup. The hash is Fibonacci hashing (the
 * id times 2^64 / φ, top bits): threads created one after another, as a pool's are, have
 * consecutive ids, and with four stripes or more (two cores and up) two consecutive ids always
 * land on different stripes (they are 0.618 of the range apart), which the low bits of the same
 * product did not promise.
 *
 * <h2>Owned stripes</h2>
 * The first live thread to write from a home stripe owns it, for every {@link LongCells} of
 * every registry: as the one writer of those longs it adds with a plain load and a release
 * store, not a locked instruction (a count record went from 7.17 to 5.43 ns in the full
 * profile, about 1.7 ns per add, and a payment event makes seven). Any other thread with the same home writes to the shared
 * stripe {@code COUNT + home} instead, with atomic adds, as every write did before owners.
 * A stripe whose owner has terminated is released by {@link #releaseDeadOwners()}, which the
 * store runs whenever it opens a bucket (once per fine bucket, and per day page); terminated
 * means every write of the owner happened before the release ({@link Thread#isAlive()}
 * returning false says so), so the next owner's plain loads see them. Until then a terminated
 * owner's {@code Thread} object stays referenced here (at most {@code COUNT} of them), and a new
 * thread of its home writes the shared stripe: a pool that replaces its threads often runs on
 * atomic adds for up to one bucket.
 */
public final class Stripes {
    /** Number of home stripes: the power of two at or above twice the cores, between 2 and 16. */
    public static final int COUNT = Math.max(2, Math.min(16,
            Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1));
    /** Stripes of a {@link LongCells}: {@code [0, COUNT)} owned, {@code [COUNT, 2 COUNT)} shared. */
    public static final int WITH_SHARED = 2 * COUNT;
    private static final int SHIFT = 64 - Integer.numberOfTrailingZeros(COUNT);
    /** Per home stripe, its owner or null: claimed and released with compare-and-sets through {@link #OWNER}. */
    private static final Thread[] OWNERS = new Thread[COUNT];
    private static final VarHandle OWNER = MethodHandles.arrayElementVarHandle(Thread[].class);

    private Stripes() {
    }

    /** The current thread's home stripe, in {@code [0, COUNT)}. */
    public static int home() {
        return of(Thread.currentThread().getId());
    }

    /** The home stripe of the thread with that id. */
    static int of(long threadId) {
        return (int) ((threadId * 0x9E3779B97F4A7C15L) >>> SHIFT);
    }

    /**
     * The stripe the current thread adds to: its home stripe, below {@link #COUNT}, if it owns it
     * (claiming it when it has no owner), else the shared stripe {@code COUNT + home}, which takes
     * atomic adds.
     */
    public static int writable() {
        Thread me = Thread.currentThread();
        int home = of(me.getId());
        // plain: only this thread ever stores itself there, and only a dead owner is released
        return OWNERS[home] == me ? home : claimOrShare(me, home);
    }

    /**
     * The current thread's stripe when it does not own its home: claims it if free, else shares.
     * The compare-and-set only when the slot reads free: a thread that shares its home calls this
     * on every add, and a failing compare-and-set still takes the owner table's line exclusively.
     */
    private static int claimOrShare(Thread me, int home) {
        return OWNERS[home] == null && OWNER.compareAndSet(OWNERS, home, null, me) ? home : COUNT + home;
    }

    /** Releases each stripe whose owner has terminated, so a live thread with that home can own it. */
    public static void releaseDeadOwners() {
        for (int s = 0; s < COUNT; s++) {
            Thread owner = (Thread) OWNER.getVolatile(OWNERS, s);
            if (owner != null && !owner.isAlive()) {
                OWNER.compareAndSet(OWNERS, s, owner, null);
            }
        }
    }

    /** The thread owning a home stripe, or null (for tests). */
    static Thread owner(int stripe) {
        return (Thread) OWNER.getVolatile(OWNERS, stripe);
    }
}
