package dev.northstar.metrics.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * Maps a series key (the mixed-radix number of a series' dimension codes) to a dense slot in the
 * cell arrays of its metric.
 *
 * <p>When every combination of codes fits under the series limit the slot <em>is</em> the key:
 * pure arithmetic, no hashing. Otherwise slots come from an open-addressing table of keys and
 * slots. Looking up a key that has a slot takes no lock and no atomic instruction; a new key
 * takes the index's lock once, to be given the next slot, which it stores and counts as handed
 * out before it publishes the key, so a key seen is a key whose slot is seen and handed out
 * ({@link #handedOut} true for it, or a metric would refuse it). Past the limit, new keys share
 * one overflow slot whose labels are all {@code (other)}, so totals stay exact while detail is
 * bounded; they are not stored, and resolving one takes no lock either: once the slots have run
 * out no key is ever added, so a key not found then never will be.
 *
 * <p>Why claims take a lock (they used to be lock-free, with a compare-and-set per claim and a
 * wait for the claimer's slot): a claim happens once per series in the life of the index, and
 * the lock-free claim's atomic accessors made every inlined lookup several times bigger for
 * the JIT, enough that C2 stopped inlining two thirds of the way through a payment event.
 */
public final class SeriesIndex {
    private final int[] sizes;
    private final int capacity;
    private final int limit;
    private final boolean dense;
    private static final VarHandle ENTRIES = MethodHandles.arrayElementVarHandle(long[].class);
    /**
     * Entry {@code h} is {@code table[2h]}, its key + 1 (0: empty), and {@code table[2h + 1]}, its
     * slot. Written under the lock, the slot first, then the key with a release store; read
     * without the lock.
     */
    private final long[] table;
    /** The key of each slot handed out, written under the lock before {@link #used} counts it. */
    private final long[] slotKeys;
    /** Slots handed out; written under the lock, before the slot's key is published; read without it. */
    private volatile int used;
    /** Whether every slot is handed out and its key published; written under the lock. */
    private volatile boolean full;
    private final LongAdder folded = new LongAdder();
    private final int mask;

    public SeriesIndex(int[] sizes, int seriesLimit) {
        this.sizes = sizes.clone();
        long product = 1;
        for (int s : sizes) {
            product = Math.min(product * s, Long.MAX_VALUE / 1024); // sizes are validated to fit
        }
        this.dense = product <= seriesLimit;
        this.limit = seriesLimit;
        if (dense) {
            capacity = (int) product;
            table = null;
            slotKeys = null;
            mask = 0;
        } else {
            capacity = seriesLimit + 1;
            int entries = Integer.highestOneBit(Math.max(2, seriesLimit * 2 - 1)) << 1;
            this.table = new long[2 * entries]; // key beside slot: one cache line per probe
            slotKeys = new long[seriesLimit];
            mask = entries - 1;
        }
    }

    /** Number of slots, including the overflow slot when there is one. */
    public int capacity() {
        return capacity;
    }

    /** The overflow slot, or -1 when the key space fits entirely. */
    public int overflowSlot() {
        return dense ? -1 : limit;
    }

    /** Radix of dimension {@code i}. */
    public int size(int i) {
        return sizes[i];
    }

    /** Number of dimensions. */
    public int dimensions() {
        return sizes.length;
    }

    /** Series seen so far (for the dense layout: the whole key space). */
    public int seriesCount() {
        return dense ? capacity : used + (folded.sum() > 0 ? 1 : 0);
    }

    /**
     * Whether {@link #slot} can have returned {@code slot}: any slot of the dense layout; else a
     * slot already assigned, or the overflow slot. Recording into a slot not yet assigned would
     * file the data under whichever series is assigned that slot later.
     */
    public boolean handedOut(int slot) {
        if (dense) {
            return Integer.compareUnsigned(slot, capacity) < 0;
        }
        return slot == limit || Integer.compareUnsigned(slot, used) < 0;
    }

    /** How many resolutions landed in the overflow slot. */
    public long folded() {
        return folded.sum();
    }

    /** The slot of a key, assigning one on first sight. */
    public int slot(long key) {
        if (dense) {
            return (int) key;
        }
        long stored = key + 1; // 0 marks an empty entry
        int first = (int) ((stored * 0x9E3779B97F4A7C15L) >>> 33) & mask;
        int s = lookup(stored, first);
        return s >= 0 ? s : assign(key, stored, first);
    }

    /** The slot of a stored key, or -1 if this thread does not see it in the table. */
    private int lookup(long stored, int h) {
        while (true) {
            long k = (long) ENTRIES.getAcquire(table, 2 * h);
            if (k == stored) {
                return (int) table[2 * h + 1];
            }
            if (k == 0) {
                return -1;
            }
            h = (h + 1) & mask;
        }
    }

    /** A key not seen in the table: the overflow slot once the slots have run out, else the lock. */
    private int assign(long key, long stored, int first) {
        if (full) {
            // Set after the last slot's key was published, so this lookup sees every key that
            // will ever have a slot.
            int s = lookup(stored, first);
            if (s >= 0) {
                return s;
            }
            folded.increment();
            return limit;
        }
        synchronized (this) {
            int h = first;
            for (long k; (k = table[2 * h]) != 0; h = (h + 1) & mask) {
                if (k == stored) {
                    return (int) table[2 * h + 1];
                }
            }
            int slot = used;
            if (slot == limit) {
                folded.increment();
                return limit;
            }
            slotKeys[slot] = key;
            table[2 * h + 1] = slot;
            used = slot + 1; // before the key: whoever finds the key finds its slot handed out
            ENTRIES.setRelease(table, 2 * h, stored);
            if (slot + 1 == limit) {
                full = true;
            }
            return slot;
        }
    }

    /** The codes of the series in a slot, or null for the overflow slot or an unassigned one. */
    public int[] codes(int slot) {
        long key;
        if (dense) {
            key = slot;
        } else {
            if (Integer.compareUnsigned(slot, used) >= 0) {
                return null;
            }
            key = slotKeys[slot];
        }
        int[] codes = new int[sizes.length];
        for (int i = sizes.length - 1; i >= 0; i--) {
            codes[i] = (int) (key % sizes[i]);
            key /= sizes[i];
        }
        return codes;
    }
}
