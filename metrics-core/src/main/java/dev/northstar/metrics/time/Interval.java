package dev.northstar.metrics.time;

import java.time.Instant;

/**
 * A half-open interval of instants {@code [fromMillis, toMillis)} in epoch milliseconds.
 *
 * @param fromMillis start, inclusive
 * @param toMillis   end, exclusive; not before the start
 */
public record Interval(long fromMillis, long toMillis) {
    public Interval {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("interval ends before it starts: " + fromMillis + " > " + toMillis);
        }
    }

    /** Length in milliseconds. */
    public long lengthMillis() {
        return toMillis - fromMillis;
    }

    /** Whether {@code [start, end)} lies entirely inside this interval. */
    public boolean encloses(long start, long end) {
        return start >= fromMillis && end <= toMillis;
    }

    /** Whether {@code [start, end)} shares any instant with this interval. */
    public boolean overlaps(long start, long end) {
        return start < toMillis && end > fromMillis;
    }

    @Override public String toString() {
        return "[" + Instant.ofEpochMilli(fromMillis) + ", " + Instant.ofEpochMilli(toMillis) + ")";
    }
}
