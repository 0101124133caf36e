package dev.northstar.metrics.snapshot;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.HashIterator;
import org.apache.datasketches.thetacommon.ThetaUtil;

/**
 * Writes and reads one {@link Cell} in the form its metric's kind calls for, and checks that a
 * cell fits its definition. Histograms and sketches are embedded in their libraries' own
 * serialized forms. Before handing those bytes to a library the reader checks the header fields
 * that decide how much it will allocate, because the libraries size their arrays from the header
 * and only then find out whether the bytes are there; after, it checks what the libraries accept
 * without checking but would fail on, or compute NaN from, at the first merge or query.
 */
final class CellCodec {
    /** HdrHistogram's cookie base of a compressed histogram (V2 encoding). */
    private static final int HDR_COMPRESSED_COOKIE = 0x1c849304;
    /** Length of HdrHistogram's uncompressed V1/V2 header, the start of the deflated contents. */
    private static final int HDR_HEADER_BYTES = 40;
    /**
     * DataSketches HLL preamble (little-endian): current minimum (byte 6), flags (5) with the
     * compact bit, mode byte (7: mode in bits 0-1, target type in bits 2-3), HIP and KxQ
     * estimator sums (doubles at 8, 16, 24), registers at the minimum (int at 32), and where an
     * HLL-mode image's registers start.
     */
    private static final int HLL_CUR_MIN = 6;
    private static final int HLL_FLAGS = 5;
    private static final int HLL_COMPACT = 8;
    private static final int HLL_MODE = 7;
    private static final int HLL_CUR_MODE_HLL = 2;
    private static final int HLL_TYPE_8 = 2;
    private static final int HLL_HIP_ACCUM = 8;
    private static final int HLL_KXQ0 = 16;
    private static final int HLL_KXQ1 = 24;
    private static final int HLL_NUM_AT_CUR_MIN = 32;
    private static final int HLL_REGISTERS = 40;
    /** DataSketches Theta: serialization version and family of a compact sketch. */
    private static final int THETA_SER_VER = 3;
    private static final int THETA_FAMILY_COMPACT = 3;

    /** "a count value", "a sum value"...: what a long column is called in a refusal, built once. */
    private static final String[] VALUE_NAMES = Arrays.stream(MetricKind.values())
            .map(k -> "a " + k.name().toLowerCase(Locale.ROOT) + " value").toArray(String[]::new);

    private CellCodec() {
    }

    /** The form a metric's cells take. */
    enum Shape {
        /** A derived metric: no cells at all. */
        NONE,
        /** {@link Cell.Longs}: counts and sums (one column), ratios (two). */
        LONGS,
        /** {@link Cell.Gauge}. */
        GAUGE,
        /** {@link Cell.Distribution}. */
        HISTOGRAM,
        /** {@link Cell.Hll}: distinct counts without set operations. */
        HLL,
        /** {@link Cell.Theta}: distinct with set operations (one column), funnels (a step each), retention (2). */
        THETA
    }

    static Shape shape(MetricDefinition<?> d) {
        return switch (d.kind()) {
            case COUNT, SUM, RATIO -> Shape.LONGS;
            case GAUGE -> Shape.GAUGE;
            case DISTRIBUTION -> Shape.HISTOGRAM;
            case DISTINCT -> d.setOperations() ? Shape.THETA : Shape.HLL;
            case FUNNEL, RETENTION -> Shape.THETA;
            case DERIVED -> Shape.NONE;
        };
    }

    /** Columns of a {@link Shape#LONGS} or {@link Shape#THETA} cell. */
    static int columns(MetricDefinition<?> d) {
        return switch (d.kind()) {
            case RATIO, RETENTION -> 2;
            case FUNNEL -> d.steps().size();
            default -> 1;
        };
    }

    /**
     * Writes {@code cell} as {@code d}'s kind stores it.
     *
     * @throws IllegalArgumentException if the cell does not fit the definition (a cell of another
     *                                  kind, a wrong column count, a negative count or sum, a
     *                                  histogram or sketch of another precision or size)
     */
    static void write(MetricDefinition<?> d, Cell cell, SnapshotOutput out) {
        switch (shape(d)) {
            case LONGS -> {
                long[] columns = cell instanceof Cell.Longs l ? l.columns() : null;
                if (columns == null || columns.length != columns(d)) {
                    throw misfit(d, cell, columns(d) + " long column(s)");
                }
                for (long v : columns) {
                    if (v < 0) {
                        throw misfit(d, cell, "non-negative counts and sums");
                    }
                    out.varint(v);
                }
            }
            case GAUGE -> {
                if (!(cell instanceof Cell.Gauge g)) {
                    throw misfit(d, cell, "a gauge cell");
                }
                out.varint((g.value() << 1) ^ (g.value() >> 63));
                out.fixed64(g.atMillis());
            }
            case HISTOGRAM -> {
                if (!(cell instanceof Cell.Distribution dist)) {
                    throw misfit(d, cell, "a distribution cell");
                }
                Histogram h = dist.histogram();
                if (h.getLowestDiscernibleValue() != 1 || h.getHighestTrackableValue() != highestTrackable(d)
                        || h.getNumberOfSignificantValueDigits() != d.significantDigits()) {
                    throw misfit(d, cell, "a histogram of range 1.." + highestTrackable(d) + " and "
                            + d.significantDigits() + " significant digits");
                }
                int capacity = h.getNeededByteBufferCapacity();
                ByteBuffer buffer = ByteBuffer.allocate(capacity + capacity / 8 + 1024);
                int n = h.encodeIntoCompressedByteBuffer(buffer);
                out.blob(Arrays.copyOf(buffer.array(), n));
            }
            case HLL -> {
                if (!(cell instanceof Cell.Hll hll)) {
                    throw misfit(d, cell, "an HLL cell");
                }
                HllSketch sketch = hll.sketch();
                if (sketch.getLgConfigK() > d.lgK() || sketch.getTgtHllType() != TgtHllType.HLL_8) {
                    throw misfit(d, cell, "an HLL_8 sketch of lgK at most " + d.lgK());
                }
                out.blob(canonicalHllImage(sketch.toCompactByteArray()));
            }
            case THETA -> {
                if (!(cell instanceof Cell.Theta theta) || theta.columns().size() != columns(d)
                        || theta.lgK() != d.lgK()) {
                    throw misfit(d, cell, columns(d) + " Theta sketch(es) of lgK " + d.lgK());
                }
                for (CompactSketch s : theta.columns()) {
                    out.blob(s.toByteArray());
                }
            }
            case NONE -> throw misfit(d, cell, "no cells");
        }
    }

    /**
     * The compact image with its coupons in increasing order, when it lists coupons (list and
     * set modes). Those modes list them in hash-table order, which depends on the order ids
     * arrived, so equal sketches could otherwise encode differently. Any order is a valid image:
     * readers insert the coupons one by one.
     */
    private static byte[] canonicalHllImage(byte[] image) {
        if (image.length < 8 || (image[HLL_MODE] & 3) == HLL_CUR_MODE_HLL) {
            return image;
        }
        int start = (image[0] & 0x3f) * 4; // preamble ints
        IntBuffer coupons = ByteBuffer.wrap(image, start, image.length - start).order(ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer();
        int[] sorted = new int[coupons.remaining()];
        coupons.get(sorted);
        Arrays.sort(sorted);
        coupons.rewind();
        coupons.put(sorted);
        return image;
    }

    private static IllegalArgumentException misfit(MetricDefinition<?> d, Cell cell, String wanted) {
        return new IllegalArgumentException("cannot encode a cell of metric " + d.name() + ": its "
                + d.kind().name().toLowerCase() + " definition calls for " + wanted + ", got " + cell);
    }

    /** The highest trackable value of the histograms of {@code d}, as the registry creates them. */
    private static long highestTrackable(MetricDefinition<?> d) {
        return Math.max(2, d.maxValue());
    }

    /**
     * Reads a cell of {@code d}'s kind.
     *
     * @throws MalformedSnapshotException if the bytes are not a valid cell of that kind
     */
    static Cell read(MetricDefinition<?> d, SnapshotInput in) {
        switch (shape(d)) {
            case LONGS: {
                long[] columns = new long[columns(d)];
                for (int i = 0; i < columns.length; i++) {
                    int at = in.position();
                    columns[i] = in.varint(VALUE_NAMES[d.kind().ordinal()]);
                    if (columns[i] < 0) {
                        throw in.malformed(at, VALUE_NAMES[d.kind().ordinal()] + " of metric "
                                + d.name() + " is negative (" + columns[i] + ")");
                    }
                }
                return new Cell.Longs(columns);
            }
            case GAUGE: {
                long zigzag = in.varint("a gauge value");
                long value = (zigzag >>> 1) ^ -(zigzag & 1);
                return new Cell.Gauge(value, in.fixed64("a gauge time"));
            }
            case HISTOGRAM:
                return Cell.Distribution.adopt(histogram(d, in));
            case HLL:
                return Cell.Hll.adopt(hll(d, in));
            case THETA: {
                List<CompactSketch> columns = new ArrayList<>();
                for (int i = 0; i < columns(d); i++) {
                    columns.add(theta(d, in));
                }
                return new Cell.Theta(columns, d.lgK());
            }
            default:
                throw new IllegalStateException("a derived metric has no cells"); // callers never ask
        }
    }

    private static Histogram histogram(MetricDefinition<?> d, SnapshotInput in) {
        byte[] b = in.blob("histogram");
        int at = in.position() - b.length; // refusals point at the embedded image itself
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        if (b.length < 8 || (buf.getInt(0) & ~0xf0) != HDR_COMPRESSED_COOKIE) {
            throw in.malformed(at, "histogram of metric " + d.name() + " is not a compressed HdrHistogram");
        }
        if (buf.getInt(4) != b.length - 8) {
            throw in.malformed(at, "histogram of metric " + d.name() + " says it has " + buf.getInt(4)
                    + " compressed bytes, but " + (b.length - 8) + " follow");
        }
        // HdrHistogram allocates the counts array from the header's range and precision before it
        // reads the counts: inflate the header alone and check them against the definition first.
        ByteBuffer header = ByteBuffer.wrap(inflateHeader(b, at, d, in));
        int digits = header.getInt(12);
        long lowest = header.getLong(16);
        long highest = header.getLong(24);
        if (lowest != 1 || highest != highestTrackable(d) || digits != d.significantDigits()) {
            throw in.malformed(at, "histogram of metric " + d.name() + " has range " + lowest + ".." + highest
                    + " and " + digits + " significant digits; the definition calls for 1.." + highestTrackable(d)
                    + " and " + d.significantDigits());
        }
        Histogram h;
        try {
            h = Histogram.decodeFromCompressedByteBuffer(buf, 0);
        } catch (DataFormatException | RuntimeException | AssertionError e) {
            // AssertionError: the library asserts on some corrupt counts when run with -ea
            throw new MalformedSnapshotException(at, "HdrHistogram refused the histogram of metric " + d.name()
                    + ": " + e, e);
        }
        h.setAutoResize(false); // the decoder turns it on; the registry's histograms have a fixed range
        // The decoder adds the counts up without checking: a total past 2^63 would wrap negative.
        long total = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            total += v.getCountAtValueIteratedTo();
            if (total < 0) {
                throw in.malformed(at, "histogram of metric " + d.name() + " has counts adding up past 2^63");
            }
        }
        return h;
    }

    private static byte[] inflateHeader(byte[] b, int at, MetricDefinition<?> d, SnapshotInput in) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, 8, b.length - 8);
            byte[] header = new byte[HDR_HEADER_BYTES];
            int n = 0;
            while (n < header.length && !inflater.finished() && !inflater.needsInput()) {
                n += inflater.inflate(header, n, header.length - n);
            }
            if (n < header.length) {
                throw in.malformed(at, "histogram of metric " + d.name() + " is truncated: " + n
                        + " header bytes inflate, " + header.length + " needed");
            }
            return header;
        } catch (DataFormatException e) {
            throw new MalformedSnapshotException(at, "histogram of metric " + d.name()
                    + " is not valid deflate data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static HllSketch hll(MetricDefinition<?> d, SnapshotInput in) {
        byte[] b = in.blob("HLL sketch");
        int at = in.position() - b.length; // refusals point at the embedded image itself
        String problem = hllImageProblem(b, d.lgK());
        if (problem != null) {
            throw in.malformed(at, "HLL sketch of metric " + d.name() + " " + problem);
        }
        HllSketch sketch;
        try {
            sketch = HllSketch.heapify(b);
        } catch (RuntimeException | AssertionError e) {
            throw new MalformedSnapshotException(at, "DataSketches refused the HLL sketch of metric " + d.name()
                    + ": " + e, e);
        }
        if (sketch.getCompactSerializationBytes() != b.length) {
            throw in.malformed(at, "HLL sketch of metric " + d.name() + " is " + b.length
                    + " bytes where its compact form is " + sketch.getCompactSerializationBytes());
        }
        return sketch;
    }

    /**
     * What heapifying an HLL image does not check but later use relies on, or null if the image
     * is sound. The library sizes its arrays from the preamble, trusts the estimator state it
     * finds there and asserts on it only under {@code -ea}; a corrupt image would decode and then
     * give NaN estimates or break a union. So: an HLL_8 image (the type the registry keeps) of lgK
     * 4..{@code maxLgK}; with few ids (list and set modes) a compact list of distinct coupons, each
     * with a value of 1..63; in HLL mode registers of 0..63, the count of registers at the minimum
     * as recorded, and finite, non-negative estimator sums.
     */
    private static String hllImageProblem(byte[] b, int maxLgK) {
        if (b.length < 8) {
            return "is " + b.length + " bytes, shorter than its preamble";
        }
        int lgK = b[3] & 0xff;
        if (lgK < 4 || lgK > maxLgK) {
            return "has lgK " + lgK + "; the definition allows 4.." + maxLgK;
        }
        if (((b[HLL_MODE] >> 2) & 3) != HLL_TYPE_8) {
            return "is not an HLL_8 sketch (type " + ((b[HLL_MODE] >> 2) & 3) + ")";
        }
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int mode = b[HLL_MODE] & 3;
        if (mode != HLL_CUR_MODE_HLL) {
            if ((b[HLL_FLAGS] & HLL_COMPACT) == 0) {
                return "lists its ids in a non-compact table";
            }
            int start = (b[0] & 0x3f) * 4; // preamble ints
            if (start > b.length || (b.length - start) % 4 != 0) {
                return "has a coupon list of " + (b.length - start) + " bytes";
            }
            int[] coupons = new int[(b.length - start) / 4];
            for (int i = 0; i < coupons.length; i++) {
                coupons[i] = le.getInt(start + 4 * i);
                int value = coupons[i] >>> 26;
                if (value < 1 || value > 63) {
                    return "holds coupon " + coupons[i] + " of value " + value + ", outside 1..63";
                }
            }
            Arrays.sort(coupons);
            for (int i = 1; i < coupons.length; i++) {
                if (coupons[i] == coupons[i - 1]) {
                    return "holds coupon " + coupons[i] + " twice";
                }
            }
            return null;
        }
        if (b.length != HLL_REGISTERS + (1 << lgK)) {
            return "is " + b.length + " bytes; an HLL_8 image of lgK " + lgK + " is " + (HLL_REGISTERS + (1 << lgK));
        }
        int curMin = b[HLL_CUR_MIN] & 0xff;
        int atCurMin = 0;
        for (int i = HLL_REGISTERS; i < b.length; i++) {
            int register = b[i] & 0xff;
            if (register > 63 || register < curMin) {
                return "has a register of " + register + ", outside " + curMin + "..63";
            }
            atCurMin += register == curMin ? 1 : 0;
        }
        if (atCurMin != le.getInt(HLL_NUM_AT_CUR_MIN)) {
            return "records " + le.getInt(HLL_NUM_AT_CUR_MIN) + " registers at its minimum where "
                    + atCurMin + " are";
        }
        for (int offset : new int[] {HLL_HIP_ACCUM, HLL_KXQ0, HLL_KXQ1}) {
            double v = le.getDouble(offset);
            if (!(v >= 0) || Double.isInfinite(v)) {
                return "has an estimator sum of " + v + " at preamble byte " + offset;
            }
        }
        return null;
    }

    /**
     * What heapifying does not check but every union does, or null if the sketch is sound: theta
     * in (0, 1], and retained hashes positive, below theta and distinct (in increasing order when
     * the sketch says it is ordered). A sketch failing these would decode and then break the
     * first merge or query that used it.
     */
    private static String thetaContentProblem(CompactSketch sketch) {
        long theta = sketch.getThetaLong();
        if (theta <= 0) {
            return "has theta " + theta + ", outside (0, 2^63)";
        }
        long[] hashes = new long[sketch.getRetainedEntries(true)];
        HashIterator it = sketch.iterator();
        for (int i = 0; it.next(); i++) {
            long h = it.get();
            if (h <= 0 || h >= theta) {
                return "holds hash " + h + ", outside (0, theta " + theta + ")";
            }
            if (sketch.isOrdered() && i > 0 && h <= hashes[i - 1]) {
                return "says it is ordered but its hashes are not in increasing order";
            }
            hashes[i] = h;
        }
        Arrays.sort(hashes);
        for (int i = 1; i < hashes.length; i++) {
            if (hashes[i] == hashes[i - 1]) {
                return "holds hash " + hashes[i] + " twice";
            }
        }
        return null;
    }

    private static CompactSketch theta(MetricDefinition<?> d, SnapshotInput in) {
        byte[] b = in.blob("Theta sketch");
        int at = in.position() - b.length; // refusals point at the embedded image itself
        String problem = thetaImageProblem(b);
        if (problem != null) {
            throw in.malformed(at, "Theta sketch of metric " + d.name() + " " + problem);
        }
        CompactSketch sketch;
        try {
            // with the seed given, the library also checks the sketch's seed hash: a sketch of
            // another seed would be accepted here and then fail every union
            sketch = CompactSketch.heapify(Memory.wrap(b), ThetaUtil.DEFAULT_UPDATE_SEED);
        } catch (RuntimeException | AssertionError e) {
            throw new MalformedSnapshotException(at, "DataSketches refused a Theta sketch of metric "
                    + d.name() + ": " + e, e);
        }
        problem = thetaContentProblem(sketch);
        if (problem == null && sketch.getCurrentBytes() != b.length) {
            problem = "is " + b.length + " bytes where its compact form is " + sketch.getCurrentBytes();
        }
        if (problem != null) {
            throw in.malformed(at, "Theta sketch of metric " + d.name() + " " + problem);
        }
        return sketch;
    }

    /**
     * What of a compact Theta image must hold before the library reads it, or null: version 3
     * of the compact family (what {@code CompactSketch.toByteArray()} writes), a preamble of 1
     * to 3 longs, and no more entries than the bytes hold (the library allocates the entry array
     * from the count before it reads the entries).
     */
    private static String thetaImageProblem(byte[] b) {
        if (b.length < 8) {
            return "is " + b.length + " bytes, shorter than its preamble";
        }
        if (b[1] != THETA_SER_VER || b[2] != THETA_FAMILY_COMPACT) {
            return "is not a compact sketch of serialization version " + THETA_SER_VER + " (version " + b[1]
                    + ", family " + b[2] + ")";
        }
        int preLongs = b[0] & 0x3f;
        if (preLongs < 1 || preLongs > 3 || b.length < preLongs * 8) {
            return "has a preamble of " + preLongs + " longs in " + b.length + " bytes";
        }
        if (preLongs > 1) {
            long count = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
            if (count < 0 || count > (b.length - preLongs * 8L) / 8) {
                return "declares " + count + " entries that its " + b.length + " bytes cannot hold";
            }
        }
        return null;
    }
}
