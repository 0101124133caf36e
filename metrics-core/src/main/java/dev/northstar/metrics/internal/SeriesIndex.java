package dev.northstar.metrics.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Maps a series key (the mixed-radix number of a series' dimension codes) to a dense slot in the
 * cell arrays of its metric.
 *
 * <p>When every combination of codes fits under the series limit the slot <em>is</em> the key:
 * pure arithmetic, no hashing. Otherwise slots are handed out on first sight from a lock-free
 * open-addressing table: a thread claims an empty table entry with a compare-and-set of the key,
 * takes the next slot number, and publishes it; a reader that finds the key before its slot is
 * published waits for that one store. Past the limit, new keys share one overflow slot whose
 * labels are all {@code (other)}, so totals stay exact while detail is bounded.
 *
 * <p>A key resolves to the same slot every time. The one subtle case is a thread that finds its
 * key's entry empty and then sees the limit reached: another thread may have claimed that entry
 * for the same key in between, and taken one of the last slots. It did so before the limit was
 * reached (a claim takes its slot number after its entry), so re-reading the entry after seeing
 * the limit tells the two cases apart: still empty means the key has no slot and never will.
 */
public final class SeriesIndex {
    private final int[] sizes;
    private final int capacity;
    private final int limit;
    private final boolean dense;
    /** Entry {@code h} is {@code table[2h]}, its key + 1 (0: empty), and {@code table[2h + 1]}, its slot + 1. */
    private final AtomicLongArray table;
    private final AtomicLongArray slotKeys;
    private final AtomicInteger used = new AtomicInteger();
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
            this.table = new AtomicLongArray(2 * entries); // key beside slot: one cache line per probe
            slotKeys = new AtomicLongArray(seriesLimit);
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
        return dense ? capacity : Math.min(used.get(), limit) + (folded.sum() > 0 ? 1 : 0);
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
        return slot == limit || Integer.compareUnsigned(slot, Math.min(used.get(), limit)) < 0;
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
        int h = (int) ((stored * 0x9E3779B97F4A7C15L) >>> 33) & mask;
        while (true) {
            long k = table.get(2 * h);
            if (k == stored) {
                return published(h);
            }
            if (k == 0) {
                if (used.get() >= limit) {
                    // Every slot below the limit went to a key claimed before now, so a claim of
                    // ours since we read this entry empty would show here now: look again.
                    if (table.get(2 * h) != 0) {
                        continue;
                    }
                    folded.increment();
                    return limit;
                }
                if (table.compareAndSet(2 * h, 0, stored)) {
                    int slot = used.getAndIncrement();
                    if (slot >= limit) {
                        table.set(2 * h + 1, limit + 1);
                        folded.increment();
                        return limit;
                    }
                    slotKeys.set(slot, key);
                    table.set(2 * h + 1, slot + 1);
                    return slot;
                }
                continue; // lost the race for this entry: look at what won
            }
            h = (h + 1) & mask;
        }
    }

    private int published(int h) {
        int s;
        while ((s = (int) table.get(2 * h + 1)) == 0) {
            Thread.onSpinWait();
        }
        if (s == limit + 1) {
            folded.increment();
        }
        return s - 1;
    }

    /** The codes of the series in a slot, or null for the overflow slot or an unassigned one. */
    public int[] codes(int slot) {
        long key;
        if (dense) {
            key = slot;
        } else {
            if (slot >= Math.min(used.get(), limit)) {
                return null;
            }
            key = slotKeys.get(slot);
        }
        int[] codes = new int[sizes.length];
        for (int i = sizes.length - 1; i >= 0; i--) {
            codes[i] = (int) (key % sizes[i]);
            key /= sizes[i];
        }
        return codes;
    }
}
