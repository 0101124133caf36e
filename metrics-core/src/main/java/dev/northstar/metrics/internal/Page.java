package dev.northstar.metrics.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One time bucket of a registry — a fine bucket (an hour by default) or a calendar day — holding
 * the cells of every metric that received data in it. A metric's cells are created on its first
 * write into the bucket.
 */
public final class Page implements dev.northstar.metrics.registry.Bucket {
    /** Bucket start, inclusive, epoch milliseconds. */
    public final long start;
    /** Bucket length in milliseconds (a calendar day may be 23 or 25 hours). */
    public final long length;
    /** Fine bucket index, or the epoch day for a day page. */
    public final long index;
    /** Whether this is a calendar-day page. */
    public final boolean day;
    /** The calendar day (epoch day in the registry's zone) the bucket belongs to. */
    public final long epochDay;
    /** The store the page belongs to: buckets of another registry are refused. */
    public final Store owner;
    /** Per metric id; published through {@link #CELLS}, read plainly on the record path (one load less than an atomic array). */
    private final Cells[] cells;
    private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(Cells[].class);

    Page(Store owner, long start, long length, long index, boolean day, long epochDay, int maxMetrics) {
        this.owner = owner;
        this.start = start;
        this.length = length;
        this.index = index;
        this.day = day;
        this.epochDay = epochDay;
        this.cells = new Cells[maxMetrics];
    }

    /** A placeholder that contains no instant, so the first record always takes the slow path. */
    static Page none() {
        return new Page(null, Long.MIN_VALUE / 2, 0, Long.MIN_VALUE, false, Long.MIN_VALUE, 0);
    }

    /** End of the bucket, exclusive. */
    public long end() {
        return start + length;
    }

    /** Whether {@code epochMillis} falls in this bucket. */
    public boolean contains(long epochMillis) {
        return Long.compareUnsigned(epochMillis - start, length) < 0;
    }

    /** The cells of a metric, creating them with {@code factory} on first use. */
    public Cells cells(int metric, CellFactory factory) {
        Cells c = cells[metric]; // plain: every Cells class has only final fields, safe to read racily
        return c != null ? c : create(metric, factory);
    }

    private Cells create(int metric, CellFactory factory) {
        Cells c = factory.create();
        return CELLS.compareAndSet(cells, metric, null, c) ? c : (Cells) CELLS.getAcquire(cells, metric);
    }

    /** The cells of a metric, or null if it has no data in this bucket. */
    public Cells cellsIfPresent(int metric) {
        return metric < cells.length ? (Cells) CELLS.getAcquire(cells, metric) : null;
    }

    @Override public long startMillis() {
        return start;
    }

    @Override public long endMillis() {
        return start + length;
    }

    @Override public String toString() {
        return (day ? "day " : "bucket ") + index + " @" + java.time.Instant.ofEpochMilli(start);
    }
}
