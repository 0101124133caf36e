package dev.northstar.metrics.acceptance;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stream of payments recorded into a fresh New York registry (default retentions: 48 hours of
 * hourly buckets, 400 days) on a {@link ManualClock} that never refuses an event, with the raw
 * events kept beside it.
 */
public final class Scenario {
    /** The registry's fine retention (the default), for the coverage rules the properties check. */
    public static final Duration FINE_RETENTION = Duration.ofHours(48);

    public final StreamSpec spec;
    public final ManualClock clock;
    public final PaymentMetrics metrics;
    public final RawEvents truth;
    private Snapshot snapshot;
    private int sliceTurn;

    private Scenario(StreamSpec spec, ManualClock clock, PaymentMetrics metrics, RawEvents truth) {
        this.spec = spec;
        this.clock = clock;
        this.metrics = metrics;
        this.truth = truth;
    }

    /** A registry like every scenario's, on {@code clock}. */
    public static MetricRegistry newRegistry(ManualClock clock) {
        return MetricRegistry.builder().zone(StreamSpec.NEW_YORK).clock(clock).build();
    }

    /** Records the whole stream. */
    public static Scenario record(StreamSpec spec) {
        ManualClock clock = new ManualClock(Instant.ofEpochMilli(spec.startMillis()));
        PaymentMetrics metrics = new PaymentMetrics(newRegistry(clock), spec.latencyDigits(),
                PaymentMetrics.MERCHANT_LIMIT);
        RawEvents truth = new RawEvents(PaymentMetrics.MERCHANT_LIMIT);
        List<StreamSpec.Delivery> deliveries = spec.deliveries();
        long last = spec.startMillis();
        for (StreamSpec.Delivery d : deliveries) {
            clock.set(d.clockMillis());
            metrics.record(d.payment());
            truth.recorded(d.payment());
            last = d.clockMillis();
        }
        clock.set(Math.max(last, spec.finalClock(deliveries.stream().map(StreamSpec.Delivery::payment).toList())));
        return new Scenario(spec, clock, metrics, truth);
    }

    public MetricRegistry registry() {
        return metrics.registry();
    }

    /**
     * Asks {@code query} of a snapshot of the whole registry (taken once, the clock no longer
     * moves), the way a host asks a merged or stored snapshot. That the registry's own
     * {@code query} answers the same is a property of its own.
     */
    public QueryResult ask(Query query) {
        if (snapshot == null || snapshot.takenAtMillis() != clock.millis()) {
            snapshot = registry().snapshot();
        }
        return QueryEngine.run(snapshot, query);
    }

    /** The next of the slices other than {@link Slice#ALL}, turning from a place set by the seed. */
    public Slice nextSlice() {
        List<Slice> others = Slice.EVERY.subList(1, Slice.EVERY.size());
        return others.get((int) Math.floorMod(spec.seed() + sliceTurn++, (long) others.size()));
    }

    /** The checker of query results against this scenario's raw events, as of the clock now. */
    public BruteForce bruteForce() {
        return new BruteForce(truth, StreamSpec.NEW_YORK, clock.millis());
    }

    /**
     * Start of the oldest hourly bucket the registry still keeps: the fine retention counted back
     * from the clock's hour (New York's offsets are whole hours, so buckets start on the hour).
     */
    public long fineRetainedFrom() {
        long hour = Duration.ofHours(1).toMillis();
        return Math.floorDiv(clock.millis(), hour) * hour - FINE_RETENTION.toMillis() + hour;
    }

    public LocalDate firstDay() {
        return spec.firstDay();
    }

    public LocalDate lastDay() {
        return spec.lastDay();
    }

    @Override public String toString() {
        return spec + ", clock at " + clock.instant();
    }
}
