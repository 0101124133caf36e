package dev.northstar.metrics.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;

/**
 * The immutable state of one series in one time bucket, for one metric kind. Cells of the same
 * kind and shape merge by the kind's roll-up rule: merge is associative and commutative, and
 * never modifies its operands.
 */
public sealed interface Cell {

    /** Merges two cells of the same kind and shape into a new cell. */
    Cell merge(Cell other);

    /**
     * Counts, sums and ratios: one long per column (a count or sum has one column, a ratio has
     * numerator then denominator). Merge adds, saturating at {@link Long#MAX_VALUE}.
     */
    record Longs(long[] columns) implements Cell {
        public Longs {
            columns = columns.clone();
        }

        /** The value of column {@code i}. */
        public long column(int i) {
            return columns[i];
        }

        @Override public long[] columns() {
            return columns.clone();
        }

        @Override public Cell merge(Cell other) {
            long[] o = ((Longs) other).columns;
            long[] out = new long[columns.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = saturatedAdd(columns[i], o[i]);
            }
            return new Longs(out);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Longs l && Arrays.equals(columns, l.columns);
        }

        @Override public int hashCode() {
            return Arrays.hashCode(columns);
        }

        @Override public String toString() {
            return Arrays.toString(columns);
        }
    }

    /**
     * A gauge's last value and the event time it was set at. Merge keeps the later one; at equal
     * times the larger value, so merge stays commutative.
     */
    record Gauge(long value, long atMillis) implements Cell {
        @Override public Cell merge(Cell other) {
            Gauge g = (Gauge) other;
            if (g.atMillis != atMillis) {
                return g.atMillis > atMillis ? g : this;
            }
            return g.value > value ? g : this;
        }
    }

    /** A distribution's histogram. The histogram is private; callers get copies. */
    final class Distribution implements Cell {
        private final Histogram histogram;

        /** Wraps a copy of {@code histogram}. */
        public Distribution(Histogram histogram) {
            this(histogram, true);
        }

        private Distribution(Histogram histogram, boolean copy) {
            this.histogram = copy ? histogram.copy() : histogram;
        }

        /**
         * Wraps {@code fresh} itself: for a histogram this package has just built (a merge, a
         * decode) and keeps no other reference to, where a copy would only double the work.
         */
        static Distribution adopt(Histogram fresh) {
            return new Distribution(fresh, false);
        }

        /** A copy of the histogram. */
        public Histogram histogram() {
            return histogram.copy();
        }

        @Override public Cell merge(Cell other) {
            Histogram sum = histogram.copy();
            sum.add(((Distribution) other).histogram);
            return adopt(sum);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Distribution d && histogram.equals(d.histogram);
        }

        @Override public int hashCode() {
            return Long.hashCode(histogram.getTotalCount());
        }

        @Override public String toString() {
            return "Distribution[count=" + histogram.getTotalCount() + "]";
        }
    }

    /** Distinct ids in an HLL sketch. Merge is an HLL union. */
    final class Hll implements Cell {
        private final HllSketch sketch;

        /** Wraps a copy of {@code sketch}. */
        public Hll(HllSketch sketch) {
            this(sketch, true);
        }

        private Hll(HllSketch sketch, boolean copy) {
            this.sketch = copy ? sketch.copy() : sketch;
        }

        /** Wraps {@code fresh} itself, as {@link Distribution#adopt} does. */
        static Hll adopt(HllSketch fresh) {
            return new Hll(fresh, false);
        }

        /** A copy of the sketch. */
        public HllSketch sketch() {
            return sketch.copy();
        }

        @Override public Cell merge(Cell other) {
            HllSketch o = ((Hll) other).sketch;
            Union union = new Union(Math.max(sketch.getLgConfigK(), o.getLgConfigK()));
            union.update(sketch);
            union.update(o);
            return adopt(union.getResult(TgtHllType.HLL_8)); // a new sketch, not the union's state
        }

        /** Equal when both sketches hold the same state, whatever order their ids arrived in. */
        @Override public boolean equals(Object o) {
            return o instanceof Hll h && sameState(sketch.toCompactByteArray(), h.sketch.toCompactByteArray());
        }

        /**
         * Whether two compact HLL images hold the same state. With few ids (list and set modes)
         * an image lists its coupons in hash-table order, which depends on insertion order, so a
         * sketch and a copy rebuilt from its bytes ({@code HllSketch.heapify}) can list the same
         * coupons differently: compare the preamble, less its table-size byte, and the coupons
         * as sorted sets. An image in HLL mode is the registers and estimator state, compared
         * byte for byte.
         */
        private static boolean sameState(byte[] a, byte[] b) {
            int start = a.length < 8 ? a.length : (a[0] & 0x3f) * 4; // preamble ints, low 6 bits of byte 0
            if (a.length != b.length || (a.length >= 8 && (a[7] & 3) == 2) || start > a.length) {
                return Arrays.equals(a, b);
            }
            for (int i = 0; i < start; i++) {
                if (i != 4 && a[i] != b[i]) { // byte 4 is log2 of the hash table size
                    return false;
                }
            }
            return Arrays.equals(sortedCoupons(a, start), sortedCoupons(b, start));
        }

        private static int[] sortedCoupons(byte[] image, int start) {
            IntBuffer ints = ByteBuffer.wrap(image, start, image.length - start).order(ByteOrder.LITTLE_ENDIAN)
                    .asIntBuffer();
            int[] out = new int[ints.remaining()];
            ints.get(out);
            Arrays.sort(out);
            return out;
        }

        @Override public int hashCode() {
            return Double.hashCode(sketch.getEstimate());
        }

        @Override public String toString() {
            return "Hll[estimate=" + sketch.getEstimate() + "]";
        }
    }

    /**
     * Ids in one or more Theta sketches: one for a distinct count with set operations, one per
     * step for a funnel, cohort then activity for retention. Merge is a column-wise Theta union.
     * Equal when the nominal sizes and the column sketches' images are.
     */
    final class Theta implements Cell {
        private final List<CompactSketch> columns;
        private final int lgK;

        /** The sketches (compact, immutable) and the nominal size they were built with. */
        public Theta(List<CompactSketch> columns, int lgK) {
            this.columns = List.copyOf(columns);
            this.lgK = lgK;
        }

        /** The column sketches. */
        public List<CompactSketch> columns() {
            return columns;
        }

        /** log2 of the nominal entries. */
        public int lgK() {
            return lgK;
        }

        @Override public Cell merge(Cell other) {
            Theta o = (Theta) other;
            CompactSketch[] out = new CompactSketch[columns.size()];
            for (int i = 0; i < out.length; i++) {
                org.apache.datasketches.theta.Union union =
                        SetOperation.builder().setNominalEntries(1 << lgK).buildUnion();
                union.union(columns.get(i));
                union.union(o.columns.get(i));
                out[i] = union.getResult();
            }
            return new Theta(List.of(out), lgK);
        }

        @Override public boolean equals(Object o) {
            if (!(o instanceof Theta t) || t.lgK != lgK || t.columns.size() != columns.size()) {
                return false;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (!Arrays.equals(columns.get(i).toByteArray(), t.columns.get(i).toByteArray())) {
                    return false;
                }
            }
            return true;
        }

        @Override public int hashCode() {
            return columns.size();
        }

        @Override public String toString() {
            return "Theta" + columns.stream().map(CompactSketch::getEstimate).toList();
        }
    }

    /** {@code a + b}, or {@link Long#MAX_VALUE} when that overflows. */
    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
