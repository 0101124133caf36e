package dev.northstar.metrics.snapshot;

import dev.northstar.metrics.definition.MetricDefinition;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable, self-describing copy of a registry's data, or of a window of it: its zone and
 * bucket settings, and per metric its definition and the cells of every bucket.
 *
 * <pre>{@code
 * Snapshot mine = registry.snapshot();
 * Snapshot all = mine.merge(fromOtherInstance);          // same definitions, any order
 * byte[] bytes = SnapshotCodec.encode(all);
 * }</pre>
 *
 * <p>Snapshots of the same definitions merge: merge is associative and commutative, with
 * {@link #empty} of the same settings as identity. A merged bucket adds cell by cell with each
 * kind's roll-up rule; fine buckets and day buckets stay apart (one instance may have compacted a
 * day the other still holds by the hour), and queries read both.
 *
 * @param zone                 the zone whose calendar days the day buckets are
 * @param grainMillis          the fine bucket length
 * @param fineRetentionBuckets how many fine buckets the source kept before compacting
 * @param dayRetention         how many days the source kept
 * @param takenAtMillis        the source clock's time when taken (the latest, after a merge)
 * @param metrics              per metric name, its data, sorted by name
 */
public record Snapshot(ZoneId zone, long grainMillis, long fineRetentionBuckets, int dayRetention,
                       long takenAtMillis, Map<String, MetricData> metrics) {

    public Snapshot {
        Objects.requireNonNull(zone, "zone");
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /**
     * One metric's definition and buckets.
     *
     * @param definition the definition, as registered
     * @param buckets    its buckets, fine and day, sorted by start then grain
     */
    public record MetricData(MetricDefinition<?> definition, List<SeriesCells> buckets) {
        public MetricData {
            List<SeriesCells> sorted = new ArrayList<>(buckets);
            sorted.sort(BUCKET_ORDER);
            buckets = List.copyOf(sorted);
        }

        MetricData merge(MetricData other) {
            if (!definition.equals(other.definition)) {
                throw new IllegalArgumentException("cannot merge snapshots of metric " + definition.name()
                        + ": definitions differ (" + definition + " vs " + other.definition + ")");
            }
            Map<String, SeriesCells> byBucket = new LinkedHashMap<>();
            for (SeriesCells b : buckets) {
                byBucket.put(key(b), b);
            }
            for (SeriesCells b : other.buckets) {
                byBucket.merge(key(b), b, SeriesCells::merge);
            }
            return new MetricData(definition, new ArrayList<>(byBucket.values()));
        }

        private static String key(SeriesCells b) {
            return (b.day() ? "d" : "f") + b.startMillis() + ":" + b.endMillis();
        }
    }

    private static final Comparator<SeriesCells> BUCKET_ORDER =
            Comparator.comparingLong(SeriesCells::startMillis).thenComparing(SeriesCells::day)
                    .thenComparingLong(SeriesCells::endMillis);

    /**
     * The empty snapshot of a zone and grain: the identity of {@link #merge} (its retentions are
     * unbounded and its time the earliest, so merging it changes nothing).
     */
    public static Snapshot empty(ZoneId zone, long grainMillis) {
        return new Snapshot(zone, grainMillis, Long.MAX_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Map.of());
    }

    /**
     * Merges two snapshots of the same settings. A metric present in both must have equal
     * definitions in both; a metric present in one is taken as is.
     *
     * @throws IllegalArgumentException if zones, grains or a metric's definitions differ
     */
    public Snapshot merge(Snapshot other) {
        if (!zone.equals(other.zone) || grainMillis != other.grainMillis) {
            throw new IllegalArgumentException("cannot merge snapshots of different zones or grains: "
                    + zone + "/" + grainMillis + "ms vs " + other.zone + "/" + other.grainMillis + "ms");
        }
        Map<String, MetricData> out = new TreeMap<>(metrics);
        other.metrics.forEach((name, data) -> out.merge(name, data, MetricData::merge));
        return new Snapshot(zone, grainMillis, Math.min(fineRetentionBuckets, other.fineRetentionBuckets),
                Math.min(dayRetention, other.dayRetention), Math.max(takenAtMillis, other.takenAtMillis), out);
    }

    /**
     * The definitions of the snapshot's metrics, in name order: what a reader of its
     * {@link SnapshotCodec encoding} expects.
     */
    public List<MetricDefinition<?>> definitions() {
        return metrics.values().stream().<MetricDefinition<?>>map(MetricData::definition).toList();
    }

    /** The data of one metric, or null. */
    public MetricData metric(String name) {
        return metrics.get(name);
    }
}
