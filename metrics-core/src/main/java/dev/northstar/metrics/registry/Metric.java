package dev.northstar.metrics.registry;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.internal.CellFactory;
import dev.northstar.metrics.internal.Cells;
import dev.northstar.metrics.internal.Page;
import dev.northstar.metrics.internal.SeriesIndex;
import dev.northstar.metrics.internal.Store;

/**
 * A registered metric: the typed handle a {@link MetricRegistry} returns for a definition.
 *
 * <p>A <em>series</em> is the metric at one combination of dimension values. Resolve it once with
 * {@code series(...)} (enum-only metrics resolve by arithmetic, with no hashing and no allocation)
 * and record into it many times, or {@code bind(...)} a series handle and keep it where you
 * record often. Values are given in the definition's dimension order:
 *
 * <pre>{@code
 * int s = transactions.series(Channel.QR_SCAN, Outcome.SUCCESS);
 * transactions.increment(s);
 * }</pre>
 *
 * <p>Bad input never throws in {@link Mode#LENIENT} mode: a wrong number of values resolves to
 * the refused series {@code -1} (recording into it does nothing; counted as
 * {@link RefusalReason#WRONG_ARITY}); a value of the wrong type is recorded under the
 * dimension's unknown code and counted in {@link Health#recordedAsUnknown()}.
 */
public abstract sealed class Metric permits AdditiveMetric, RatioMetric, DistributionMetric, IdMetric,
        GaugeMetric, DerivedMetric {
    /** The series number that records nothing: the outcome of a refused resolution. */
    public static final int REFUSED = -1;

    final MetricRegistry registry;
    final MetricDefinition<?> definition;
    final int id;
    final SeriesIndex index;
    final Store store;
    final HealthCounters health;
    final CellFactory factory;
    private final Dimension<?>[] dims;
    private final int arity;
    /** Radix of each of the first five dimensions (1 past the arity): fixed-arity lookups read fields, not an array. */
    private final int r0, r1, r2, r3, r4;

    Metric(MetricRegistry registry, MetricDefinition<?> definition, int id, SeriesIndex index,
           CellFactory factory) {
        this.registry = registry;
        this.definition = definition;
        this.id = id;
        this.index = index;
        this.store = registry.store();
        this.health = registry.healthCounters();
        this.factory = factory;
        this.dims = definition.dimensions().toArray(new Dimension<?>[0]);
        this.arity = dims.length;
        this.r0 = radix(0);
        this.r1 = radix(1);
        this.r2 = radix(2);
        this.r3 = radix(3);
        this.r4 = radix(4);
    }

    /** The definition this handle was registered with. */
    public MetricDefinition<?> definition() {
        return definition;
    }

    /** The metric's name. */
    public String name() {
        return definition.name();
    }

    /** The series of a metric without dimensions. */
    public final int series() {
        return arity(0) ? 0 : REFUSED;
    }

    /** The series of a one-dimension metric. */
    public final int series(Object a) {
        return arity(1) ? slot(code(0, a)) : REFUSED;
    }

    /** The series of a two-dimension metric. */
    public final int series(Object a, Object b) {
        return arity(2) ? slot(code(0, a) * (long) index.size(1) + code(1, b)) : REFUSED;
    }

    /** The series of a three-dimension metric. */
    public final int series(Object a, Object b, Object c) {
        return arity(3)
                ? slot((code(0, a) * (long) index.size(1) + code(1, b)) * index.size(2) + code(2, c)) : REFUSED;
    }

    /** The series of a metric with any number of dimensions; a null array counts as no values. */
    public final int series(Object... values) {
        int n = values == null ? 0 : values.length;
        if (!arity(n)) {
            return REFUSED;
        }
        long key = 0;
        for (int i = 0; i < n; i++) {
            key = key * index.size(i) + code(i, values[i]);
        }
        return slot(key);
    }

    /** The series of one already-resolved code (see {@link #seriesOfCodes(int...)}). */
    public final int seriesOfCodes(int a) {
        return arity == 1 ? slot(clamp(a, r0)) : wrongArity();
    }

    /** The series of two already-resolved codes, in dimension order. */
    public final int seriesOfCodes(int a, int b) {
        return arity == 2 ? slot(clamp(a, r0) * (long) r1 + clamp(b, r1)) : wrongArity();
    }

    /** The series of three already-resolved codes, in dimension order. */
    public final int seriesOfCodes(int a, int b, int c) {
        return arity == 3 ? slot((clamp(a, r0) * (long) r1 + clamp(b, r1)) * r2 + clamp(c, r2)) : wrongArity();
    }

    /** The series of four already-resolved codes, in dimension order. */
    public final int seriesOfCodes(int a, int b, int c, int d) {
        return arity == 4 ? slot(((clamp(a, r0) * (long) r1 + clamp(b, r1)) * r2 + clamp(c, r2)) * r3 + clamp(d, r3))
                : wrongArity();
    }

    /** The series of five already-resolved codes, in dimension order. */
    public final int seriesOfCodes(int a, int b, int c, int d, int e) {
        return arity == 5 ? slot((((clamp(a, r0) * (long) r1 + clamp(b, r1)) * r2 + clamp(c, r2)) * r3 + clamp(d, r3))
                * r4 + clamp(e, r4)) : wrongArity();
    }

    /** A code out of {@code [0, size)} is the dimension's unknown code, its last. */
    private static int clamp(int code, int size) {
        return Integer.compareUnsigned(code, size) < 0 ? code : size - 1;
    }

    /**
     * The series of already-resolved dimension codes (from {@link Dimension#code}), in dimension
     * order: the fastest path for a recorder that feeds several metrics from one event. A code
     * out of range is treated as the dimension's unknown code; a null array counts as no codes.
     */
    public final int seriesOfCodes(int... codes) {
        int n = codes == null ? 0 : codes.length;
        if (!arity(n)) {
            return REFUSED;
        }
        long key = 0;
        for (int i = 0; i < n; i++) {
            key = key * index.size(i) + clamp(codes[i], index.size(i));
        }
        return slot(key);
    }

    private int radix(int i) {
        return i < arity ? index.size(i) : 1;
    }

    private boolean arity(int n) {
        if (n == arity) {
            return true;
        }
        wrongArity();
        return false;
    }

    private int wrongArity() {
        health.refuse(RefusalReason.WRONG_ARITY, definition.name());
        return REFUSED;
    }

    private int code(int i, Object value) {
        Dimension<?> d = dims[i];
        if (!d.accepts(value)) {
            health.recordedAsUnknown(definition.name(), value);
        }
        return d.codeOfAny(value);
    }

    private int slot(long key) {
        return index.slot(key);
    }

    /** The page for a record at the clock's now, or at {@code atMillis}; null if refused. */
    final Page pageAt(long atMillis) {
        return store.at(atMillis);
    }

    final Page pageNow() {
        return store.now();
    }

    /** The page behind a bucket given by the host, or null (counted) if it is not ours. */
    final Page page(Bucket bucket) {
        if (bucket instanceof Page p && p.owner == store) {
            return p;
        }
        if (bucket != null) {
            health.refuse(RefusalReason.FOREIGN_BUCKET, definition.name());
        }
        return null;
    }

    /** Whether {@code series} is one this metric handed out; counts it when not. */
    final boolean valid(int series) {
        if (index.handedOut(series)) {
            return true;
        }
        if (series != REFUSED) {
            health.refuse(RefusalReason.UNKNOWN_SERIES, definition.name());
        }
        return false;
    }

    final Cells cells(Page page) {
        return page.cells(id, factory);
    }

    /** Refuses a value outside {@code [0, maxValue]}; true if the value is acceptable. */
    final boolean acceptable(long value) {
        if (value < 0) {
            health.refuse(RefusalReason.NEGATIVE_VALUE, definition.name());
            return false;
        }
        if (value > definition.maxValue()) {
            health.refuse(RefusalReason.VALUE_TOO_LARGE, definition.name());
            return false;
        }
        return true;
    }

    @Override public String toString() {
        return definition.toString();
    }
}
