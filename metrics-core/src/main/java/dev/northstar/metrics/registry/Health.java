package dev.northstar.metrics.registry;

import java.util.Map;

/**
 * The registry's own counters: what it refused and why, what arrived late, what was recorded
 * under a reserved code, and how close each metric is to its limits.
 *
 * <pre>{@code
 * Health h = registry.health();
 * long old = h.refused(RefusalReason.TOO_OLD);
 * }</pre>
 *
 * @param refused            refused events by reason (every reason present, zero or more)
 * @param late               events recorded into a bucket older than the current one
 * @param recordedAsUnknown  dimension values of the wrong type, recorded under the unknown code
 * @param foldedByDimension  per open dimension, occurrences folded into {@code (other)}
 * @param seriesByMetric     per stored metric, series in use
 * @param foldedSeriesByMetric per stored metric, resolutions folded into the overflow series
 */
public record Health(Map<RefusalReason, Long> refused, long late, long recordedAsUnknown,
                     Map<String, Long> foldedByDimension, Map<String, Integer> seriesByMetric,
                     Map<String, Long> foldedSeriesByMetric) {

    public Health {
        refused = Map.copyOf(refused);
        foldedByDimension = Map.copyOf(foldedByDimension);
        seriesByMetric = Map.copyOf(seriesByMetric);
        foldedSeriesByMetric = Map.copyOf(foldedSeriesByMetric);
    }

    /** Events refused for {@code reason}. */
    public long refused(RefusalReason reason) {
        return refused.getOrDefault(reason, 0L);
    }

    /** Events refused for any reason. */
    public long totalRefused() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }
}
