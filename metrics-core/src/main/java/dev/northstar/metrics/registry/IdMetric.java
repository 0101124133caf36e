package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.CellFactory;
import dev.northstar.metrics.internal.Ids;
import dev.northstar.metrics.internal.Page;
import dev.northstar.metrics.internal.SeriesIndex;
import dev.northstar.metrics.internal.ThetaCells;

/**
 * What the id-keeping kinds share (distinct counts, funnels, retention): ids are hashed into
 * sketches and never kept. A {@code long} id is used as is; a textual id is hashed to 64 bits
 * without allocation; a {@code null} id is refused ({@link RefusalReason#NULL_ID}).
 */
public abstract sealed class IdMetric extends Metric permits DistinctMetric, FunnelMetric, RetentionMetric {

    IdMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index,
             CellFactory factory) {
        super(registry, definition, id, index, factory);
    }

    /**
     * Adds an id to a column of a funnel's or a retention's Theta cells (a distinct count picks
     * its own kind, in {@code DistinctMetric}).
     */
    final void writeTheta(Page page, int series, int column, long id) {
        if (page != null) {
            ((ThetaCells) cells(page)).add(series, column, id);
        }
    }

    /** The 64 bits of a textual id, or null-refusal. */
    final boolean acceptableId(CharSequence id) {
        if (id == null) {
            health.refuse(RefusalReason.NULL_ID, definition.name());
            return false;
        }
        return true;
    }

    static long bits(CharSequence id) {
        return Ids.hash(id);
    }
}
