package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;
import org.HdrHistogram.Histogram;

/**
 * Distributions: per slot and stripe a plain HdrHistogram {@link Histogram} (fixed range),
 * created on the first write of that slot by a thread of that stripe and guarded by the stripe's
 * try-lock, per {@link SketchCells}. Values are checked against the range by the caller, so
 * recording never throws.
 *
 * <p>Why not {@code AtomicHistogram}: it makes two atomic read-modify-writes per value (the
 * bucket count and the total count), each a locked instruction costing about as much as a whole
 * {@code LongAdder} increment; under a stripe's try-lock a value costs one compare-and-set and
 * plain stores, and a snapshot copies each stripe whole under its lock rather than racing writers.
 */
public final class HistogramCells extends SketchCells<Histogram> {
    private final long highestTrackable;
    private final int digits;

    public HistogramCells(int capacity, long highestTrackable, int digits) {
        super(capacity, 1);
        this.highestTrackable = highestTrackable;
        this.digits = digits;
    }

    /** A new empty histogram of this cell's range and precision. */
    public static Histogram emptyHistogram(long highestTrackable, int digits) {
        return new Histogram(1, Math.max(2, highestTrackable), digits);
    }

    @Override Histogram create() {
        return emptyHistogram(highestTrackable, digits);
    }

    /** Records one value in {@code [0, highestTrackable]}. */
    public void record(int slot, long value) {
        locked(slot, 0, value); // every value counts: no lock-free shortcut
    }

    @Override void apply(Histogram histogram, int cell, long value) {
        histogram.recordValue(value);
    }

    @Override public Cell read(int slot) {
        Histogram out = create();
        forEachStripe(slot, 0, out::add);
        return new Cell.Distribution(out);
    }

    @Override public void add(int slot, Cell cell) {
        Histogram incoming = ((Cell.Distribution) cell).histogram();
        withSketch(slot, 0, h -> h.add(incoming));
    }
}
