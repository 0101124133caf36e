package dev.northstar.metrics.registry;

/**
 * A time bucket resolved once for a business event that feeds several metrics:
 *
 * <pre>{@code
 * Bucket b = registry.bucketAt(event.epochMillis());   // null if the time is refused
 * attempts.increment(b, series);
 * tpv.add(b, series, event.amountMinor());
 * }</pre>
 *
 * <p>Only buckets returned by the same registry are accepted; a {@code null} bucket (a refused
 * time, already counted) makes every record a no-op.
 */
public interface Bucket {
    /** Bucket start, inclusive, epoch milliseconds. */
    long startMillis();

    /** Bucket end, exclusive, epoch milliseconds. */
    long endMillis();
}
