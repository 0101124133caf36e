package dev.northstar.metrics.internal;

/**
 * Which stripe of a striped cell the current thread writes to.
 *
 * <p>Every concurrent cell spreads writers over a few stripes so two threads recording the same
 * series do not fight over one cache line; readers add the stripes up. A thread's home stripe is
 * a hash of its id: {@link Thread#currentThread()} is an intrinsic and the id a field read, so
 * this costs a few instructions and no thread-local lookup. The hash is Fibonacci hashing (the
 * id times 2^64 / φ, top bits): threads created one after another, as a pool's are, have
 * consecutive ids, and with four stripes or more (two cores and up) two consecutive ids always
 * land on different stripes (they are 0.618 of the range apart), which the low bits of the same product did not promise. Threads whose ids
 * collide share a stripe, which stays correct because every stripe is itself updated atomically.
 */
public final class Stripes {
    /** Number of stripes: the power of two at or above twice the cores, between 2 and 16. */
    public static final int COUNT = Math.max(2, Math.min(16,
            Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1));
    private static final int SHIFT = 64 - Integer.numberOfTrailingZeros(COUNT);

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
}
