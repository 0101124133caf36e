package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Striped long counters for counts, sums and ratios: {@code columns} longs per slot (a ratio has
 * numerator in column 0 and denominator in column 1).
 *
 * <p>Layout: one {@code long[capacity * columns]} per stripe, allocated the first time a thread
 * writes to that stripe, slot-major, so a ratio's numerator and denominator share a cache line
 * and its second update finds the line already owned. A single-threaded host pays for one
 * stripe only. A thread that owns its stripe ({@link Stripes#writable()}) adds with a plain load
 * and a release store; a thread that shares one adds atomically.
 *
 * <p>Why a ratio read never exceeds 1 when every event adds no more to the numerator than to the
 * denominator: a writer adds the denominator first, then the numerator, each ending in a release
 * store or a volatile atomic add; a reader sums the numerator column over all stripes first,
 * then the denominator column, with volatile loads. Any numerator increment the reader sees was
 * written after its denominator increment, so by the time the reader reads the denominator that
 * increment is visible too.
 */
public final class LongCells implements Cells {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle STRIPES = MethodHandles.arrayElementVarHandle(long[][].class);

    private final int columns;
    private final int capacity;
    /**
     * Per stripe, its longs or null. Installed with a compare-and-set; writers read it plainly (a
     * stripe's array, once seen, is the one for good, and its zeros need no publishing), readers
     * with acquire.
     */
    private final long[][] stripes = new long[Stripes.WITH_SHARED][];

    public LongCells(int columns, int capacity) {
        this.columns = columns;
        this.capacity = capacity;
    }

    /**
     * Adds {@code delta} (non-negative) to a column of a slot.
     *
     * @return false if the stripe would overflow; nothing is added then
     */
    public boolean add(int column, int slot, long delta) {
        if (delta == 0) {
            return true; // nothing to add: no stripe claimed, no array allocated
        }
        int s = Stripes.writable();
        return add(stripe(s), s < Stripes.COUNT, slot * columns + column, delta);
    }

    /**
     * Adds a ratio's parts to a two-column slot: the denominator (column 1) first, then the
     * numerator (column 0), finding the stripe once.
     *
     * @return false if a part would overflow its stripe: nothing is added then, except the
     *         denominator when only the numerator would overflow
     */
    public boolean addRatio(int slot, long numerator, long denominator) {
        assert columns == 2 : "a ratio cell has two columns";
        if ((numerator | denominator) == 0) {
            return true;
        }
        int s = Stripes.writable();
        long[] a = stripe(s);
        boolean owned = s < Stripes.COUNT;
        int i = slot * columns;
        return (denominator == 0 || add(a, owned, i + 1, denominator)) && (numerator == 0 || add(a, owned, i, numerator));
    }

    private static boolean add(long[] a, boolean owned, int i, long delta) {
        if (owned) {
            // This thread is the stripe's only writer: no locked instruction. A payment event
            // (seven adds) went from 121 to 109 ns (RecorderBenchmark, A/B in one session).
            long old = a[i];
            long sum = old + delta;
            if (sum < old) {
                return false;
            }
            LONGS.setRelease(a, i, sum);
            return true;
        }
        return addShared(a, i, delta);
    }

    /** An add to a shared stripe; out of line, so recorders inline only the owner's path. */
    private static boolean addShared(long[] a, int i, long delta) {
        long old = (long) LONGS.getAndAdd(a, i, delta);
        if (old + delta < old) {
            // Overflowed: take it back. A reader in between may see the wrapped stripe once; only
            // a cell past 2^63 gets here. One locked add instead of a read and a compare-and-set
            // loop: a count record went from 9.5 to 7.1 ns (CountBenchmark, A/B in one session).
            LONGS.getAndAdd(a, i, -delta);
            return false;
        }
        return true;
    }

    private long[] stripe(int s) {
        long[] a = stripes[s];
        return a != null ? a : install(s);
    }

    private long[] install(int s) {
        long[] a = new long[capacity * columns];
        return STRIPES.compareAndSet(stripes, s, null, a) ? a : (long[]) STRIPES.getAcquire(stripes, s);
    }

    /** The sum of a column of a slot over all stripes, saturating at {@link Long#MAX_VALUE}. */
    public long sum(int column, int slot) {
        long total = 0;
        int i = slot * columns + column;
        for (int s = 0; s < Stripes.WITH_SHARED; s++) {
            long[] a = (long[]) STRIPES.getAcquire(stripes, s);
            if (a != null) {
                total = saturatedAdd(total, (long) LONGS.getVolatile(a, i));
            }
        }
        return total;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @Override public boolean touched(int slot) {
        for (int c = 0; c < columns; c++) {
            if (sum(c, slot) != 0) {
                return true;
            }
        }
        return false;
    }

    @Override public Cell read(int slot) {
        long[] out = new long[columns];
        for (int c = 0; c < columns; c++) { // column 0 (numerator) first: see the class comment
            out[c] = sum(c, slot);
        }
        return new Cell.Longs(out);
    }

    @Override public void add(int slot, Cell cell) {
        Cell.Longs longs = (Cell.Longs) cell;
        for (int c = columns - 1; c >= 0; c--) { // denominator before numerator
            long v = longs.column(c);
            while (v > 0 && !add(c, slot, v)) {
                v = Long.MAX_VALUE - sum(c, slot); // saturate rather than lose the whole amount
                if (v <= 0) {
                    break;
                }
            }
        }
    }
}
