package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct counts in DataSketches HLL, striped per {@link SketchCells}. The live sketch of a
 * stripe is an HLL {@link Union}: it takes ids directly and also absorbs whole sketches when a
 * closed bucket is compacted into its day.
 *
 * <h2>The lock-free shortcut</h2>
 * An id's coupon names a register ({@code coupon & (K - 1)}) and a value ({@code coupon >>> 26});
 * once any stripe of a cell is in HLL mode (registers rather than a list of coupons, from a few
 * hundred ids on), the merged sketch is in HLL mode too, and a coupon whose value does not exceed
 * its register's changes nothing. Each such cell keeps <em>floors</em>: one 4-bit value per
 * register, the largest value (capped at 15) that a locked update has put into that register of
 * some stripe since the cell reached HLL mode. A coupon at or under its floor returns at once;
 * in a steady stream almost all do, as registers only grow. Floors are written with plain stores,
 * without a lock: two writers racing on one byte may lose one's nibble, which leaves a floor lower
 * than the registers (a wasted lock later), never higher. Cost: {@code K / 2} bytes per cell in
 * HLL mode, beside the union's {@code K}.
 */
public final class HllCells extends SketchCells<Union> {
    private static final int FLOOR_MAX = 15;

    private final int lgK;
    private final int registerMask;
    /** Per cell, null until HLL mode; published through {@link #FLOORS}, read plainly by {@link #covered}. */
    private final byte[][] floors;
    private static final VarHandle FLOORS = MethodHandles.arrayElementVarHandle(byte[][].class);
    private static final MethodHandle LOCKED = findLocked();
    /** {@link #locked}, read from this field so that it is never a constant: see {@link #lockedOutOfLine}. */
    private final MethodHandle lockedHandle = LOCKED;

    public HllCells(int capacity, int lgK) {
        super(capacity, 1);
        this.lgK = lgK;
        this.registerMask = (1 << lgK) - 1;
        this.floors = new byte[capacity][];
    }

    /** Adds an id (the sketch hashes it) to a slot. */
    public void add(int slot, long id) {
        long key = SketchHash.hllKey(id);
        if (!covered(slot, key)) { // one column, so a slot's cell is the slot
            lockedOutOfLine(slot, key);
        }
    }

    /**
     * {@link #locked}, called so that C2 never compiles it into the record. C2 decides what to
     * inline from the profile it collected while the code warmed up, and while a sketch fills
     * (its first few hundred ids, before the floors exist, and then every id that raises a
     * register) most records take the lock, so C2 inlined the locked update, DataSketches' own
     * update and HIP estimator included, into every record: most of the record's compiled code,
     * for a path a steady stream almost never takes, and enough to put the record past the size
     * C2 inlines into its caller ({@code InlineSmallCode}). On HotSpot's C2 (measured on JDK 17),
     * the dependable way for Java code to keep a callee out of line is to call it through a
     * method handle that is not a compile-time constant (the JDK's {@code @DontInline} is
     * reserved to the JDK): C2 inlines through a handle only when it can see the handle's value,
     * and an instance field of cells loaded from a page is never one. Measured price: 2 to 3 ns
     * more on each record that does take the lock; a steady stream's records, almost all covered,
     * gained 0.8 to 1.2 ns each (A/B), and callers inline them again (the benchmarks README,
     * "Distinct counts"). Theta cells call {@link #locked} directly: their bound covers nothing
     * until a sketch holds several thousand ids, so far more of their records take the lock, and
     * through the handle they measured 2.5 to 3 ns slower while filling and no faster in the content
     * read.
     */
    private void lockedOutOfLine(int slot, long key) {
        try {
            lockedHandle.invokeExact(this, slot, 0, key);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t); // locked declares no checked exception
        }
    }

    private static MethodHandle findLocked() {
        try {
            return MethodHandles.lookup().findVirtual(HllCells.class, "locked",
                    MethodType.methodType(void.class, int.class, int.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override Union create() {
        return new Union(lgK);
    }

    /**
     * Whether the floors say that no stripe's sketch of a cell can change for a key. Lock-free;
     * false while unsure.
     */
    boolean covered(int cell, long key) {
        byte[] f = floors[cell]; // plain: an array seen early reads as zeros, which covers nothing
        if (f == null) {
            return false;
        }
        int register = (int) key & registerMask;
        int value = (int) key >>> SketchHash.HLL_KEY_BITS;
        return value <= (f[register >>> 1] >>> ((register & 1) << 2) & FLOOR_MAX);
    }

    @Override void apply(Union sketch, int cell, long key) {
        SketchHash.hllUpdate(sketch, key); // sketch.update(id), without its per-call arrays
        byte[] f = (byte[]) FLOORS.getAcquire(floors, cell);
        if (f == null) {
            if (!SketchHash.hllKeysAreCoupons() || !SketchHash.hllRegisters(sketch)) {
                return;
            }
            FLOORS.compareAndExchangeRelease(floors, cell, (byte[]) null, new byte[Math.max(1, (registerMask + 1) >>> 1)]);
            f = (byte[]) FLOORS.getAcquire(floors, cell);
        }
        int register = (int) key & registerMask;
        int value = Math.min((int) key >>> SketchHash.HLL_KEY_BITS, FLOOR_MAX);
        int shift = (register & 1) << 2;
        int b = f[register >>> 1];
        if ((b >>> shift & FLOOR_MAX) < value) {
            f[register >>> 1] = (byte) (b & ~(FLOOR_MAX << shift) | value << shift);
        }
    }

    @Override public Cell read(int slot) {
        Union union = new Union(lgK);
        for (HllSketch s : copies(slot, 0, u -> u.getResult(TgtHllType.HLL_8))) {
            union.update(s);
        }
        return new Cell.Hll(union.getResult(TgtHllType.HLL_8));
    }

    @Override public void add(int slot, Cell cell) {
        HllSketch incoming = ((Cell.Hll) cell).sketch();
        withSketch(slot, 0, u -> u.update(incoming));
    }
}
