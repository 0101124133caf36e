package dev.northstar.metrics.report;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.snapshot.MalformedSnapshotException;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.snapshot.SnapshotCodec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Combines the encoded snapshots that many instances of a service ship (over any transport: the
 * bytes of {@link SnapshotCodec} are the contract) into one snapshot, refusing bad ones and
 * keeping the rest.
 *
 * <pre>{@code
 * SnapshotMerger merger = new SnapshotMerger(registry.definitions(), zone, Duration.ofHours(1).toMillis());
 * for (Shipment s : inbox) {
 *     if (!merger.accept(s.instanceId(), s.bytes())) log.warn("{}", merger.refusals());
 * }
 * Scorecard whole = Scorecard.evaluate(tree, merger.merged(), week);
 * }</pre>
 *
 * <p>Bad input: bytes that {@link SnapshotCodec#decode} refuses (bad magic or version,
 * truncation, a different metric definition, corrupt histogram or sketch images: see its
 * javadoc), or a snapshot of another zone or grain, are refused: {@link #accept} returns false
 * and {@link #refusals()} names the source and says what was wrong and at which byte; the merged
 * snapshot is unchanged. Null bytes are refused the same way. Not thread-safe: feed it from one
 * thread.
 */
public final class SnapshotMerger {
    /**
     * One refused shipment.
     *
     * @param source the sender's name as given to {@link #accept}
     * @param reason what was wrong, from the decoder
     */
    public record Refusal(String source, String reason) {
    }

    private final List<MetricDefinition<?>> definitions;
    private Snapshot merged;
    private final List<Refusal> refusals = new ArrayList<>();
    private int accepted;

    /** A merger of snapshots of these definitions, cut in {@code zone} with fine buckets of {@code grainMillis}. */
    public SnapshotMerger(Collection<? extends MetricDefinition<?>> definitions, ZoneId zone, long grainMillis) {
        this.definitions = List.copyOf(definitions);
        this.merged = Snapshot.empty(Objects.requireNonNull(zone, "zone"), grainMillis);
    }

    /** Decodes and merges one instance's bytes; false (and a {@link Refusal}) if they are refused. */
    public boolean accept(String source, byte[] bytes) {
        if (bytes == null) {
            refusals.add(new Refusal(source, "no bytes"));
            return false;
        }
        try {
            Snapshot s = SnapshotCodec.decode(bytes, definitions);
            merged = merged.merge(s);
            accepted++;
            return true;
        } catch (MalformedSnapshotException e) {
            refusals.add(new Refusal(source, "malformed snapshot: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            refusals.add(new Refusal(source, "cannot merge: " + e.getMessage()));
        }
        return false;
    }

    /** The merge of every accepted snapshot (empty before the first). */
    public Snapshot merged() {
        return merged;
    }

    /** How many shipments were merged. */
    public int accepted() {
        return accepted;
    }

    /** The refused shipments, in arrival order. */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }
}
