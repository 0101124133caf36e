package dev.northstar.metrics.snapshot;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.OpenDimension;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The versioned binary form of a {@link Snapshot}, for shipping one instance's data to another
 * (or to storage) and merging it there.
 *
 * <pre>{@code
 * byte[] bytes = SnapshotCodec.encode(registry.snapshot());
 * // elsewhere, with the same metric definitions registered:
 * Snapshot theirs = SnapshotCodec.decode(bytes, registry.definitions());
 * Snapshot all = registry.snapshot().merge(theirs);
 * }</pre>
 *
 * <h2>Reading is validated</h2>
 * The reader names the definitions it expects; each metric in the bytes must be one of them and
 * carry a fingerprint of the same definition (kind, unit, currency, direction, dimensions with
 * their types, sizes and enum values, series limit, max value, precision, sketch size, set
 * operations, funnel steps, retention offsets, formula — everything but the description and
 * stakeholders, which may be reworded). The decoded snapshot holds the reader's definition
 * objects. Anything else is refused with a {@link MalformedSnapshotException} (an
 * {@link IllegalArgumentException}) whose message says what is wrong and at which byte: a bad
 * magic, an unknown version, truncated input or trailing bytes, a negative count or one larger
 * than the bytes left could hold (checked before anything is allocated for it), an invalid
 * varint, invalid UTF-8, an unknown enum ordinal, an unknown metric or a different definition, a
 * bucket that ends at or before its start or is not one grain (fine) or one calendar day of the
 * zone (day), buckets, series or metrics out of order or repeated, a wrong number of labels or
 * a label that is not a value of its dimension, a negative count or sum, and histogram or sketch
 * bytes that do not fit the definition, that HdrHistogram or DataSketches refuse, or that they
 * would accept but that would later break a merge or a query (counts adding up past 2^63; HLL
 * registers or coupons out of range, or estimator state that does not match the registers;
 * Theta hashes outside {@code (0, theta)}, repeated or out of order). Decoding never throws
 * anything else for any input, what it returns merges and answers queries like any snapshot, and
 * it allocates in proportion to the input with one exception: a histogram decodes into the
 * counts array that the reader's own definition sizes (its max value and significant digits),
 * however few bytes encoded it.
 *
 * <p>Encoding refuses, with {@link IllegalArgumentException}, a snapshot that decoding would
 * refuse (a cell that does not fit its metric's kind, a label that is not a value of its
 * dimension or not well-formed UTF-16, a bucket that is not a grain or a calendar day), so
 * whatever encodes also decodes, to an equal snapshot. Everything is written in one order
 * (metrics by name, buckets by time, series by labels, the coupons of small HLL sketches
 * sorted), so encoding a decoded snapshot gives back the bytes it was decoded from.
 *
 * <h2>Embedded forms other engines read</h2>
 * Histograms are in HdrHistogram's compressed encoding
 * ({@code Histogram.encodeIntoCompressedByteBuffer}), which every HdrHistogram port reads. HLL
 * sketches are DataSketches' compact image ({@code HllSketch.toCompactByteArray()}) and Theta
 * sketches DataSketches' compact sketch ({@code CompactSketch.toByteArray()}, default seed):
 * the forms Apache Druid's DataSketches extension, Apache Spark's {@code hll_sketch_*} functions
 * (HLL) and Apache Pinot's Theta sketch functions read, so a job there can lift a sketch out of
 * a snapshot and union it with its own.
 *
 * <h2>Format, version 1</h2>
 * Integers are big-endian. A <i>varint</i> is an unsigned LEB128 number of up to 64 bits in its
 * shortest form (7 bits a byte, low bits first, high bit set on every byte but the last). A
 * <i>string</i> is a varint byte length, then that many bytes of UTF-8. An <i>ordinal</i> is one
 * byte: the position of an enum constant. A <i>blob</i> is a varint length, then that many bytes.
 *
 * <table>
 * <caption>The snapshot, in order</caption>
 * <tr><th>bytes</th><th>field</th><th>rules</th></tr>
 * <tr><td>0..3</td><td>magic</td><td>ASCII {@code NSSP} (4E 53 53 50)</td></tr>
 * <tr><td>4</td><td>format version</td><td>1</td></tr>
 * <tr><td>string</td><td>zone</td><td>a {@link ZoneId} id: calendar days are this zone's days</td></tr>
 * <tr><td>8</td><td>grain</td><td>fine bucket length in milliseconds, &gt; 0</td></tr>
 * <tr><td>8</td><td>fine retention</td><td>fine buckets the source kept, &gt; 0</td></tr>
 * <tr><td>4</td><td>day retention</td><td>days the source kept, &gt; 0</td></tr>
 * <tr><td>8</td><td>taken at</td><td>epoch milliseconds of the source clock</td></tr>
 * <tr><td>varint</td><td>metric count</td><td>then each metric, in increasing name order:</td></tr>
 * <tr><td>string</td><td>&nbsp;name</td><td>one of the reader's definitions</td></tr>
 * <tr><td>ordinal</td><td>&nbsp;kind</td><td>{@link dev.northstar.metrics.definition.MetricKind}</td></tr>
 * <tr><td>ordinal</td><td>&nbsp;unit</td><td>{@link dev.northstar.metrics.definition.Unit}</td></tr>
 * <tr><td>string</td><td>&nbsp;currency</td><td>ISO 4217 code, empty if none</td></tr>
 * <tr><td>ordinal</td><td>&nbsp;direction</td><td>{@link dev.northstar.metrics.definition.Direction}</td></tr>
 * <tr><td>varint</td><td>&nbsp;dimension count</td><td>then each dimension, in key order:</td></tr>
 * <tr><td>string</td><td>&nbsp;&nbsp;name</td><td></td></tr>
 * <tr><td>ordinal</td><td>&nbsp;&nbsp;type</td><td>{@link Dimension.DimensionType}: enum, open, boolean</td></tr>
 * <tr><td>varint</td><td>&nbsp;&nbsp;size</td><td>codes, reserved ones included</td></tr>
 * <tr><td>varint, strings</td><td>&nbsp;&nbsp;enum values</td><td>enum dimensions only: count, then
 *     the constants' names in ordinal order</td></tr>
 * <tr><td>varint</td><td>&nbsp;series limit</td><td></td></tr>
 * <tr><td>varint</td><td>&nbsp;max value</td><td></td></tr>
 * <tr><td>varint</td><td>&nbsp;significant digits</td><td></td></tr>
 * <tr><td>varint</td><td>&nbsp;lgK</td><td></td></tr>
 * <tr><td>1</td><td>&nbsp;set operations</td><td>0 or 1</td></tr>
 * <tr><td>varint, strings</td><td>&nbsp;funnel steps</td><td>count, then the step names</td></tr>
 * <tr><td>varint, varints</td><td>&nbsp;retention days</td><td>count, then the offsets</td></tr>
 * <tr><td>string</td><td>&nbsp;formula</td><td>prefix form, e.g. {@code /(tpv,transactions)};
 *     empty if not derived</td></tr>
 * <tr><td>varint</td><td>&nbsp;bucket count</td><td>0 for a derived metric; then each bucket, in
 *     increasing (start, fine before day, end) order, none repeated:</td></tr>
 * <tr><td>1</td><td>&nbsp;&nbsp;day flag</td><td>0 fine bucket, 1 calendar day</td></tr>
 * <tr><td>8</td><td>&nbsp;&nbsp;start</td><td>epoch milliseconds, inclusive</td></tr>
 * <tr><td>8</td><td>&nbsp;&nbsp;end</td><td>exclusive; start + grain for a fine bucket, the next
 *     midnight in the zone for a day that starts at a midnight</td></tr>
 * <tr><td>varint</td><td>&nbsp;&nbsp;series count</td><td>then each series, in increasing label
 *     order ({@link SeriesCells#compareLabels}), none repeated:</td></tr>
 * <tr><td>varint</td><td>&nbsp;&nbsp;&nbsp;label count</td><td>= dimension count</td></tr>
 * <tr><td>strings</td><td>&nbsp;&nbsp;&nbsp;labels</td><td>one per dimension: an enum constant's
 *     name, {@code true}/{@code false}, an open value (1..256 chars), or {@code (unknown)} or
 *     {@code (other)}</td></tr>
 * <tr><td>…</td><td>&nbsp;&nbsp;&nbsp;cell</td><td>by kind, below</td></tr>
 * </table>
 *
 * <table>
 * <caption>Cells, by metric kind</caption>
 * <tr><th>kind</th><th>cell</th></tr>
 * <tr><td>count, sum</td><td>varint: the value (&ge; 0)</td></tr>
 * <tr><td>ratio</td><td>varint numerator, varint denominator (each &ge; 0)</td></tr>
 * <tr><td>gauge</td><td>varint: the value, zigzag-encoded ({@code (v << 1) ^ (v >> 63)}); then 8
 *     bytes: the event time it was set at, epoch milliseconds</td></tr>
 * <tr><td>distribution</td><td>blob: HdrHistogram compressed encoding of a histogram of range
 *     1..max(2, max value) and the definition's significant digits</td></tr>
 * <tr><td>distinct</td><td>blob: DataSketches compact image of an HLL_8 sketch, lgK at most the
 *     definition's; an image of few ids (list or set mode) lists its coupons in increasing order
 *     (as signed ints)</td></tr>
 * <tr><td>distinct with set operations, funnel, retention</td><td>one blob per column (1; one per
 *     step; cohort then active): DataSketches compact Theta sketch (serial version 3, default
 *     seed); the cell's lgK is the definition's</td></tr>
 * </table>
 */
public final class SnapshotCodec {
    /** The format version this codec writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = {'N', 'S', 'S', 'P'};

    private SnapshotCodec() {
    }

    /**
     * The bytes of {@code snapshot}.
     *
     * @throws IllegalArgumentException if the snapshot holds something decoding would refuse:
     *                                  a cell that does not fit its metric (another kind, a
     *                                  negative count, a histogram or sketch of another size), a
     *                                  label that is not a value of its dimension or not
     *                                  well-formed UTF-16, a bucket that is neither one grain nor
     *                                  one calendar day, a repeated bucket, a non-positive grain
     *                                  or retention, or a metric filed under another name
     */
    public static byte[] encode(Snapshot snapshot) {
        String header = headerProblem(snapshot.grainMillis(), snapshot.fineRetentionBuckets(),
                snapshot.dayRetention());
        if (header != null) {
            throw new IllegalArgumentException("cannot encode snapshot: " + header);
        }
        SnapshotOutput out = new SnapshotOutput();
        for (byte b : MAGIC) {
            out.u8(b);
        }
        out.u8(FORMAT_VERSION);
        out.string(snapshot.zone().getId(), "zone");
        out.fixed64(snapshot.grainMillis());
        out.fixed64(snapshot.fineRetentionBuckets());
        out.fixed32(snapshot.dayRetention());
        out.fixed64(snapshot.takenAtMillis());
        out.varint(snapshot.metrics().size());
        for (Map.Entry<String, Snapshot.MetricData> e : snapshot.metrics().entrySet()) {
            writeMetric(snapshot, e.getKey(), e.getValue(), out);
        }
        return out.toByteArray();
    }

    private static void writeMetric(Snapshot snapshot, String name, Snapshot.MetricData data, SnapshotOutput out) {
        MetricDefinition<?> d = data.definition();
        if (!name.equals(d.name())) {
            throw new IllegalArgumentException("cannot encode snapshot: metric " + d.name() + " is filed under "
                    + name);
        }
        if (CellCodec.shape(d) == CellCodec.Shape.NONE && !data.buckets().isEmpty()) {
            throw new IllegalArgumentException("cannot encode snapshot: derived metric " + name + " has buckets");
        }
        DefinitionFingerprint.write(d, out);
        out.varint(data.buckets().size());
        SeriesCells previous = null;
        for (SeriesCells b : data.buckets()) {
            String problem = bucketProblem(snapshot.zone(), snapshot.grainMillis(), b.day(), b.startMillis(),
                    b.endMillis());
            if (problem == null && previous != null && compareBuckets(previous.startMillis(), previous.day(),
                    previous.endMillis(), b.startMillis(), b.day(), b.endMillis()) >= 0) {
                problem = "bucket repeated";
            }
            if (problem != null) {
                throw new IllegalArgumentException("cannot encode a bucket of metric " + name + ": " + problem);
            }
            previous = b;
            out.flag(b.day());
            out.fixed64(b.startMillis());
            out.fixed64(b.endMillis());
            out.varint(b.series().size());
            for (Map.Entry<List<String>, Cell> s : b.series().entrySet()) {
                writeSeries(d, s.getKey(), s.getValue(), out);
            }
        }
    }

    private static void writeSeries(MetricDefinition<?> d, List<String> labels, Cell cell, SnapshotOutput out) {
        List<Dimension<?>> dims = d.dimensions();
        if (labels.size() != dims.size()) {
            throw new IllegalArgumentException("cannot encode a series of metric " + d.name() + ": " + labels.size()
                    + " labels for " + dims.size() + " dimensions");
        }
        out.varint(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            String problem = labelProblem(dims.get(i), labels.get(i));
            if (problem != null) {
                throw new IllegalArgumentException("cannot encode a series of metric " + d.name() + ": " + problem);
            }
            out.string(labels.get(i), "label of dimension " + dims.get(i).name());
        }
        CellCodec.write(d, cell, out);
    }

    /**
     * Reads a snapshot, accepting only metrics of the given definitions.
     *
     * @param bytes    an encoding made by {@link #encode}
     * @param expected the reader's definitions by metric name; a metric of the snapshot must be
     *                 among them, with a matching fingerprint, and the decoded snapshot holds
     *                 these definition objects; metrics not in the bytes are simply absent
     * @throws MalformedSnapshotException if the bytes are not a valid snapshot of those
     *                                    definitions (see the class documentation)
     * @throws IllegalArgumentException   if a key of {@code expected} is not its definition's name
     */
    public static Snapshot decode(byte[] bytes, Map<String, ? extends MetricDefinition<?>> expected) {
        Objects.requireNonNull(bytes, "bytes");
        expected.forEach((name, d) -> {
            if (!name.equals(d.name())) {
                throw new IllegalArgumentException("expected definition " + d.name() + " is filed under " + name);
            }
        });
        return read(new SnapshotInput(bytes), expected);
    }

    /**
     * Reads a snapshot, accepting only metrics of the given definitions (a registry's
     * {@code definitions()}, or another snapshot's).
     *
     * @throws MalformedSnapshotException if the bytes are not a valid snapshot of those
     *                                    definitions (see the class documentation)
     * @throws IllegalArgumentException   if two different definitions share a name
     */
    public static Snapshot decode(byte[] bytes, Collection<? extends MetricDefinition<?>> expected) {
        Map<String, MetricDefinition<?>> byName = new HashMap<>();
        for (MetricDefinition<?> d : expected) {
            MetricDefinition<?> other = byName.putIfAbsent(d.name(), d);
            if (other != null && !other.equals(d)) {
                throw new IllegalArgumentException("two expected definitions are named " + d.name());
            }
        }
        return decode(bytes, byName);
    }

    private static Snapshot read(SnapshotInput in, Map<String, ? extends MetricDefinition<?>> expected) {
        for (byte m : MAGIC) {
            int at = in.position();
            if (in.u8("magic") != (m & 0xff)) {
                throw in.malformed(at, "not a Northstar snapshot: bad magic (expected 'NSSP')");
            }
        }
        int versionAt = in.position();
        int version = in.u8("format version");
        if (version != FORMAT_VERSION) {
            throw in.malformed(versionAt, "unknown format version " + version + " (this reader knows "
                    + FORMAT_VERSION + ")");
        }
        int zoneAt = in.position();
        String zoneId = in.string("zone");
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw in.malformed(zoneAt, "unknown zone '" + zoneId + "'");
        }
        int headerAt = in.position();
        long grain = in.fixed64("grain");
        long fineRetention = in.fixed64("fine retention");
        int dayRetention = in.fixed32("day retention");
        String header = headerProblem(grain, fineRetention, dayRetention);
        if (header != null) {
            throw in.malformed(headerAt, header);
        }
        long takenAt = in.fixed64("taken-at time");
        int count = in.count("metric count", 2);
        Map<String, Snapshot.MetricData> metrics = new TreeMap<>();
        String previous = null;
        for (int i = 0; i < count; i++) {
            int at = in.position();
            String name = in.string("metric name");
            if (previous != null && name.compareTo(previous) <= 0) {
                throw in.malformed(at, "metric " + name + (name.equals(previous) ? " is repeated"
                        : " comes after " + previous + ": metrics must be in increasing name order"));
            }
            previous = name;
            MetricDefinition<?> d = expected.get(name);
            if (d == null) {
                throw in.malformed(at, "metric '" + name + "' is not one of the " + expected.size()
                        + " expected definitions");
            }
            DefinitionFingerprint.check(in, d);
            metrics.put(name, new Snapshot.MetricData(d, readBuckets(in, d, zone, grain)));
        }
        in.end();
        return new Snapshot(zone, grain, fineRetention, dayRetention, takenAt, metrics);
    }

    private static List<SeriesCells> readBuckets(SnapshotInput in, MetricDefinition<?> d, ZoneId zone, long grain) {
        int countAt = in.position();
        int count = in.count("bucket count", 18);
        if (count > 0 && CellCodec.shape(d) == CellCodec.Shape.NONE) {
            throw in.malformed(countAt, "derived metric " + d.name() + " stores no buckets, but " + count + " follow");
        }
        List<SeriesCells> buckets = new ArrayList<>(count);
        SeriesCells previous = null;
        for (int i = 0; i < count; i++) {
            int at = in.position();
            boolean day = in.flag("day flag");
            long start = in.fixed64("bucket start");
            long end = in.fixed64("bucket end");
            String problem = bucketProblem(zone, grain, day, start, end);
            if (problem != null) {
                throw in.malformed(at, "bucket of metric " + d.name() + ": " + problem);
            }
            if (previous != null) {
                int c = compareBuckets(previous.startMillis(), previous.day(), previous.endMillis(), start, day, end);
                if (c >= 0) {
                    throw in.malformed(at, (c == 0 ? "repeated bucket" : "bucket out of order") + " of metric "
                            + d.name() + ": " + describe(day, start, end) + " after "
                            + describe(previous.day(), previous.startMillis(), previous.endMillis()));
                }
            }
            SeriesCells bucket = new SeriesCells(day, start, end, readSeries(in, d));
            buckets.add(bucket);
            previous = bucket;
        }
        return buckets;
    }

    private static Map<List<String>, Cell> readSeries(SnapshotInput in, MetricDefinition<?> d) {
        List<Dimension<?>> dims = d.dimensions();
        int count = in.count("series count", 2);
        // in label order: checked below, so a LinkedHashMap keeps it and SeriesCells need not sort
        Map<List<String>, Cell> series = new LinkedHashMap<>();
        List<String> previous = null;
        for (int i = 0; i < count; i++) {
            int at = in.position();
            int labelCount = in.count("label count", 1);
            if (labelCount != dims.size()) {
                throw in.malformed(at, "a series of metric " + d.name() + " has " + labelCount + " labels; its "
                        + dims.size() + " dimensions need " + dims.size());
            }
            List<String> labels = new ArrayList<>(labelCount);
            for (Dimension<?> dim : dims) {
                int labelAt = in.position();
                String label = in.string("label");
                String problem = labelProblem(dim, label);
                if (problem != null) {
                    throw in.malformed(labelAt, "a series of metric " + d.name() + ": " + problem);
                }
                labels.add(label);
            }
            if (previous != null) {
                int c = SeriesCells.compareLabels(previous, labels);
                if (c >= 0) {
                    throw in.malformed(at, (c == 0 ? "repeated series " : "series out of order ") + labels
                            + " of metric " + d.name());
                }
            }
            series.put(labels, CellCodec.read(d, in));
            previous = labels;
        }
        return series;
    }

    private static String headerProblem(long grain, long fineRetention, int dayRetention) {
        if (grain <= 0) {
            return "grain must be positive, was " + grain + " ms";
        }
        if (fineRetention <= 0) {
            return "fine retention must be positive, was " + fineRetention + " buckets";
        }
        if (dayRetention <= 0) {
            return "day retention must be positive, was " + dayRetention + " days";
        }
        return null;
    }

    /** Why a bucket cannot be in a snapshot of this zone and grain, or null if it can. */
    private static String bucketProblem(ZoneId zone, long grain, boolean day, long start, long end) {
        if (end <= start) {
            return "it ends at or before its start (" + start + " to " + end + ")";
        }
        if (!day) {
            return end - start == grain ? null
                    : "a fine bucket of " + (end - start) + " ms where the grain is " + grain + " ms";
        }
        try {
            LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(start), zone);
            if (date.atStartOfDay(zone).toInstant().toEpochMilli() == start
                    && date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() == end) {
                return null;
            }
        } catch (DateTimeException | ArithmeticException e) {
            // out of the calendar's range: not a day either
        }
        return "a day bucket " + start + " to " + end + " that is not a calendar day in " + zone;
    }

    /** Why a label cannot be one of a dimension's, or null if it can. */
    private static String labelProblem(Dimension<?> dim, String label) {
        if (label.equals(Dimension.UNKNOWN) || label.equals(Dimension.OTHER)) {
            return null;
        }
        boolean ok = switch (dim.type()) {
            case ENUM -> dim.codeOfLabel(label) != dim.unknownCode();
            case BOOLEAN -> label.equals("true") || label.equals("false");
            case OPEN -> !label.isEmpty() && label.length() <= OpenDimension.MAX_VALUE_LENGTH;
        };
        return ok ? null : "label '" + label + "' is not a value of " + dim.type().name().toLowerCase()
                + " dimension " + dim.name();
    }

    /** The order of {@link Snapshot.MetricData#buckets()}: start, then fine before day, then end. */
    private static int compareBuckets(long startA, boolean dayA, long endA, long startB, boolean dayB, long endB) {
        int c = Long.compare(startA, startB);
        if (c == 0) {
            c = Boolean.compare(dayA, dayB);
        }
        return c != 0 ? c : Long.compare(endA, endB);
    }

    private static String describe(boolean day, long start, long end) {
        return (day ? "day " : "fine bucket ") + start + ".." + end;
    }
}
