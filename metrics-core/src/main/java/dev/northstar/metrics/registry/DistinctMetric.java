package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.internal.Cells;
import dev.northstar.metrics.internal.HllCells;
import dev.northstar.metrics.internal.Page;
import dev.northstar.metrics.internal.SeriesIndex;
import dev.northstar.metrics.internal.ThetaCells;

/**
 * Distinct ids (active payers, unique readers, active merchants) in a DataSketches HLL sketch,
 * or a Theta sketch when the definition asks for set operations; rolls up by sketch union, so a
 * week's active payers is the union of its days, never their sum.
 *
 * <pre>{@code
 * DistinctMetric payers = registry.register(MetricDefinition.distinct("active_payers")
 *         .description("Payers with at least one successful payment").build());
 * payers.add(payers.series(), payerId);
 * }</pre>
 *
 * <p>Query results carry the estimate and its bounds (see the query package). Recording an id
 * already present allocates nothing; sketches grow (allocating) while they fill, up to the size
 * set by {@code lgK}.
 */
public final class DistinctMetric extends IdMetric {

    DistinctMetric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index) {
        super(registry, definition, id, index, definition.setOperations()
                ? () -> new ThetaCells(index.capacity(), 1, definition.lgK())
                : () -> new HllCells(index.capacity(), definition.lgK()));
    }

    /** Adds an id now. */
    public void add(int series, long id) {
        if (valid(series)) {
            write(pageNow(), series, id);
        }
    }

    /** Adds an id at {@code atMillis}. */
    public void add(int series, long id, long atMillis) {
        if (valid(series)) {
            write(pageAt(atMillis), series, id);
        }
    }

    /** Adds an id in a bucket resolved once for a multi-metric event. */
    public void add(Bucket bucket, int series, long id) {
        if (valid(series)) {
            write(page(bucket), series, id);
        }
    }

    /** Adds a textual id (hashed, never kept) in a bucket resolved once for a multi-metric event. */
    public void add(Bucket bucket, int series, CharSequence id) {
        if (valid(series) && acceptableId(id)) {
            write(page(bucket), series, bits(id));
        }
    }

    /** Adds a textual id now. */
    public void add(int series, CharSequence id) {
        if (valid(series) && acceptableId(id)) {
            write(pageNow(), series, bits(id));
        }
    }

    /** Adds a textual id at {@code atMillis}. */
    public void add(int series, CharSequence id, long atMillis) {
        if (valid(series) && acceptableId(id)) {
            write(pageAt(atMillis), series, bits(id));
        }
    }

    /** Adds an id to the HLL cells, or the Theta cells of a definition with set operations. */
    private void write(Page page, int series, long id) {
        if (page == null) {
            return;
        }
        Cells cells = cells(page);
        if (cells instanceof HllCells hll) {
            hll.add(series, id);
        } else {
            ((ThetaCells) cells).add(series, 0, id);
        }
    }

    /** A handle on one series. */
    public Series bind(Object... values) {
        return new Series(series(values));
    }

    /** One series of a distinct count. */
    public final class Series {
        private final int series;

        private Series(int series) {
            this.series = series;
        }

        /** Adds an id now. */
        public void add(long id) {
            DistinctMetric.this.add(series, id);
        }

        /** Adds an id at {@code atMillis}. */
        public void add(long id, long atMillis) {
            DistinctMetric.this.add(series, id, atMillis);
        }
    }
}
