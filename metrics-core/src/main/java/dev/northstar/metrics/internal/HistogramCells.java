package dev.northstar.metrics.internal;

import dev.northstar.metrics.snapshot.Cell;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;

/**
 * Distributions: per slot and stripe an {@link AtomicHistogram} (fixed range, lock-free
 * recording), allocated on the first write of that slot by a thread of that home stripe. Values
 * are checked against the range by the caller, so recording never throws.
 */
public final class HistogramCells implements Cells {
    private final long highestTrackable;
    private final int digits;
    private final AtomicReferenceArray<AtomicHistogram> histograms;

    public HistogramCells(int capacity, long highestTrackable, int digits) {
        this.highestTrackable = highestTrackable;
        this.digits = digits;
        this.histograms = new AtomicReferenceArray<>(capacity * Stripes.COUNT);
    }

    /** A new empty histogram of this cell's range and precision. */
    public static Histogram emptyHistogram(long highestTrackable, int digits) {
        return new Histogram(1, Math.max(2, highestTrackable), digits);
    }

    /** Records one value in {@code [0, highestTrackable]}. */
    public void record(int slot, long value) {
        histogram(slot * Stripes.COUNT + Stripes.home()).recordValue(value);
    }

    private AtomicHistogram histogram(int i) {
        AtomicHistogram h = histograms.get(i);
        if (h == null) {
            h = new AtomicHistogram(1, Math.max(2, highestTrackable), digits);
            if (!histograms.compareAndSet(i, null, h)) {
                h = histograms.get(i);
            }
        }
        return h;
    }

    @Override public boolean touched(int slot) {
        for (int s = 0; s < Stripes.COUNT; s++) {
            AtomicHistogram h = histograms.get(slot * Stripes.COUNT + s);
            if (h != null && h.getTotalCount() > 0) {
                return true;
            }
        }
        return false;
    }

    @Override public Cell read(int slot) {
        Histogram out = emptyHistogram(highestTrackable, digits);
        for (int s = 0; s < Stripes.COUNT; s++) {
            AtomicHistogram h = histograms.get(slot * Stripes.COUNT + s);
            if (h != null) {
                out.add(h);
            }
        }
        return new Cell.Distribution(out);
    }

    @Override public void add(int slot, Cell cell) {
        histogram(slot * Stripes.COUNT + Stripes.home()).add(((Cell.Distribution) cell).histogram());
    }
}
