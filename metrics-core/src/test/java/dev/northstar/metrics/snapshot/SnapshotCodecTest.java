package dev.northstar.metrics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
    static final long HOUR = 3_600_000L;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Shanghai midnight. */
    static final long T0 = ZonedDateTime.of(2025, 3, 1, 0, 0, 0, 0, SHANGHAI).toInstant().toEpochMilli();

    static final MetricDefinition<CountMetric> PAYMENTS = MetricDefinition.count("payments")
            .description("Payment attempts").dimensions(Dimension.bool("cross_border")).build();
    static final MetricDefinition<CountMetric> REFUNDS = MetricDefinition.count("refunds")
            .description("Refunds").build();

    // ---- the documented layout ----

    /** Header, one count metric, one fine bucket with two series: the layout of the javadoc table. */
    static SnapshotBytes documentedExample() {
        return new SnapshotBytes().header("Asia/Shanghai", HOUR, 48, 400, T0 + 5 * HOUR)
                .varint(1).definition(PAYMENTS)
                .varint(1).bucket(false, T0, T0 + HOUR, 2)
                .labels("false").varint(3)
                .labels("true").varint(4);
    }

    static Snapshot documentedSnapshot() {
        Map<List<String>, Cell> series = Map.of(
                List.of("false"), new Cell.Longs(new long[] {3}),
                List.of("true"), new Cell.Longs(new long[] {4}));
        return new Snapshot(SHANGHAI, HOUR, 48, 400, T0 + 5 * HOUR, Map.of("payments",
                new Snapshot.MetricData(PAYMENTS, List.of(new SeriesCells(false, T0, T0 + HOUR, series)))));
    }

    @Test
    void encodesTheDocumentedLayout() {
        assertThat(SnapshotCodec.encode(documentedSnapshot())).isEqualTo(documentedExample().build());
    }

    @Test
    void decodesTheDocumentedLayout() {
        assertThat(SnapshotCodec.decode(documentedExample().build(), List.of(PAYMENTS)))
                .isEqualTo(documentedSnapshot());
    }

    @Test
    void encodesARegistrySnapshotInTheDocumentedLayout() {
        ManualClock clock = new ManualClock(java.time.Instant.ofEpochMilli(T0 + 5 * HOUR));
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(clock).build();
        CountMetric payments = registry.register(PAYMENTS);
        for (int i = 0; i < 3; i++) {
            payments.increment(payments.series(false), T0 + 30 * 60_000);
        }
        for (int i = 0; i < 4; i++) {
            payments.increment(payments.series(true), T0 + 59 * 60_000);
        }

        assertThat(SnapshotCodec.encode(registry.snapshot())).isEqualTo(documentedExample().build());
    }

    @Test
    void writesEveryKindsDefinitionInTheDocumentedLayout() {
        EveryKind k = new EveryKind();
        Snapshot empty = k.registry.snapshot();
        SnapshotBytes expected = new SnapshotBytes().header("Asia/Shanghai", HOUR, 6, 30, k.clock.millis())
                .varint(empty.metrics().size());
        for (MetricDefinition<?> d : empty.definitions()) {
            expected.definition(d).varint(0);
        }

        assertThat(SnapshotCodec.encode(empty)).isEqualTo(expected.build());
    }

    // ---- round trips ----

    @Test
    void decodingAnEncodingOfEveryKindGivesTheSameSnapshot() {
        EveryKind k = new EveryKind().withThreeDaysOfTraffic();
        Snapshot original = k.registry.snapshot();
        assertThat(original.metrics().values()).allSatisfy(m -> assertThat(m.buckets().isEmpty())
                .isEqualTo(m.definition().kind() == MetricKind.DERIVED));
        assertThat(original.metrics().values().stream().flatMap(m -> m.buckets().stream()))
                .anyMatch(SeriesCells::day).anyMatch(b -> !b.day());

        byte[] bytes = SnapshotCodec.encode(original);
        Snapshot decoded = SnapshotCodec.decode(bytes, k.registry.definitions());

        assertThat(decoded).isEqualTo(original);
        assertThat(SnapshotCodec.encode(decoded)).isEqualTo(bytes);
    }

    @Test
    void theSnapshotCoversEveryStoredKindAndDimensionType() {
        Snapshot s = new EveryKind().withThreeDaysOfTraffic().registry.snapshot();
        assertThat(s.definitions()).extracting(MetricDefinition::kind).containsAll(List.of(MetricKind.values()));
        assertThat(s.definitions()).flatExtracting(MetricDefinition::dimensions).extracting(Dimension::type)
                .containsAll(List.of(Dimension.DimensionType.values()));
        List<List<String>> labels = s.metrics().values().stream().flatMap(m -> m.buckets().stream())
                .flatMap(b -> b.series().keySet().stream()).toList();
        assertThat(labels).anyMatch(l -> l.contains(Dimension.UNKNOWN)).anyMatch(l -> l.contains(Dimension.OTHER));
    }

    @Test
    void queriesOverTheDecodedSnapshotAnswerAsOverTheOriginal() {
        EveryKind k = new EveryKind().withThreeDaysOfTraffic();
        Snapshot original = k.registry.snapshot();
        Snapshot decoded = SnapshotCodec.decode(SnapshotCodec.encode(original), original.definitions());

        for (MetricDefinition<?> d : original.definitions()) {
            for (int day = 0; day < 4; day++) {
                Query q = Query.of(d.name()).window(Window.day(LocalDate.of(2025, 3, 1 + day)));
                if (!d.dimensions().isEmpty() && d.kind() != MetricKind.DERIVED) {
                    q = q.groupBy(d.dimensions().get(0).name());
                }
                assertThat(QueryEngine.run(decoded, q)).as(d.name() + " day " + day)
                        .isEqualTo(QueryEngine.run(original, q));
            }
        }
    }

    @Test
    void decodedSnapshotsMergeLikeTheOriginals() {
        Snapshot a = new EveryKind().withThreeDaysOfTraffic().registry.snapshot();
        EveryKind other = new EveryKind();
        for (int i = 0; i < 500; i++) {
            other.record(i, i, i / 3, i * 7L, other.clock.millis());
        }
        Snapshot b = other.registry.snapshot();

        Snapshot decodedA = SnapshotCodec.decode(SnapshotCodec.encode(a), a.definitions());
        Snapshot decodedB = SnapshotCodec.decode(SnapshotCodec.encode(b), b.definitions());

        assertThat(decodedA.merge(decodedB)).isEqualTo(a.merge(b));
    }

    @Test
    void theEmptySnapshotRoundTrips() {
        Snapshot empty = Snapshot.empty(SHANGHAI, HOUR);
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(empty), Map.of())).isEqualTo(empty);
    }

    @Test
    void aDaylightSavingDayOf23HoursIsADayBucket() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        long start = ZonedDateTime.of(2025, 3, 30, 0, 0, 0, 0, berlin).toInstant().toEpochMilli();
        Snapshot s = new Snapshot(berlin, HOUR, 48, 400, start, Map.of("payments", new Snapshot.MetricData(PAYMENTS,
                List.of(new SeriesCells(true, start, start + 23 * HOUR,
                        Map.of(List.of("true"), new Cell.Longs(new long[] {1})))))));

        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(s), s.definitions())).isEqualTo(s);
    }

    @Test
    void aMetricOfTheReaderThatIsNotInTheBytesIsAbsent() {
        Snapshot decoded = SnapshotCodec.decode(documentedExample().build(), List.of(PAYMENTS, REFUNDS));
        assertThat(decoded.metrics()).containsOnlyKeys("payments");
    }

    @Test
    void descriptionAndStakeholdersMayDifferAndTheReadersDefinitionIsKept() {
        MetricDefinition<CountMetric> reworded = MetricDefinition.count("payments")
                .description("Every attempt to pay, successful or not").stakeholders("regulators")
                .dimensions(Dimension.bool("cross_border")).build();

        Snapshot decoded = SnapshotCodec.decode(documentedExample().build(), List.of(reworded));

        assertThat(decoded.metric("payments").definition()).isSameAs(reworded);
    }

    // ---- malformed input ----

    static void assertRefused(byte[] bytes, int offset, String... phrases) {
        assertRefused(bytes, List.of(PAYMENTS), offset, phrases);
    }

    static void assertRefused(byte[] bytes, List<MetricDefinition<?>> expected, int offset, String... phrases) {
        assertThatExceptionOfType(MalformedSnapshotException.class)
                .isThrownBy(() -> SnapshotCodec.decode(bytes, expected))
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains(phrases).contains("at byte " + offset);
                    assertThat(e.offset()).isEqualTo(offset);
                });
    }

    static SnapshotBytes header() {
        return new SnapshotBytes().header("Asia/Shanghai", HOUR, 48, 400, T0);
    }

    /** Header, the payments metric and one fine bucket of {@code series} series: the series follow. */
    static SnapshotBytes inABucket(int series) {
        return header().varint(1).definition(PAYMENTS).varint(1).bucket(false, T0, T0 + HOUR, series);
    }

    @Test
    void refusesABadMagic() {
        assertRefused(new byte[] {'N', 'S', 'X', 'P', 1}, 2, "not a Northstar snapshot: bad magic");
    }

    @Test
    void refusesEmptyInput() {
        assertRefused(new byte[0], 0, "truncated: magic needs 1 bytes, 0 left");
    }

    @Test
    void refusesAnUnknownVersion() {
        assertRefused(new SnapshotBytes().raw('N', 'S', 'S', 'P', 2).build(), 4, "unknown format version 2");
    }

    @Test
    void refusesAnUnknownZone() {
        assertRefused(new SnapshotBytes().preamble().string("Mars/Olympus_Mons").build(), 5,
                "unknown zone 'Mars/Olympus_Mons'");
    }

    @Test
    void refusesANonPositiveGrainOrRetention() {
        SnapshotBytes b = new SnapshotBytes().preamble().string("UTC");
        int at = b.size();
        assertRefused(b.fixed64(0).fixed64(48).fixed32(400).fixed64(T0).varint(0).build(), at,
                "grain must be positive");
        assertRefused(new SnapshotBytes().header("UTC", HOUR, 48, -1, T0).varint(0).build(), at,
                "day retention must be positive");
    }

    @Test
    void refusesEveryTruncation() {
        byte[] valid = SnapshotCodec.encode(smallSnapshotOfEveryKind());
        for (int length = 0; length < valid.length; length++) {
            byte[] prefix = Arrays.copyOf(valid, length);
            assertThatExceptionOfType(MalformedSnapshotException.class).as("prefix of %d bytes", length)
                    .isThrownBy(() -> SnapshotCodec.decode(prefix, smallSnapshotOfEveryKind().definitions()));
        }
    }

    static Snapshot smallSnapshotOfEveryKind() {
        EveryKind k = new EveryKind();
        for (int i = 0; i < 2 * EveryKind.METRICS; i++) {
            k.record(i, i, i, i * 1_000L + 7, k.clock.millis());
        }
        return k.registry.snapshot();
    }

    @Test
    void refusesTrailingBytes() {
        byte[] valid = documentedExample().build();
        byte[] longer = Arrays.copyOf(valid, valid.length + 2);
        assertRefused(longer, valid.length, "2 trailing bytes after the end of the snapshot");
    }

    @Test
    void refusesANegativeCount() {
        SnapshotBytes b = header();
        int at = b.size();
        assertRefused(b.varint(-1L).build(), at, "metric count is negative");
    }

    @Test
    void refusesACountTheRemainingBytesCannotHold() {
        SnapshotBytes b = header();
        int at = b.size();
        assertRefused(b.varint(1_000_000_000_000L).varint(0).build(), at,
                "metric count is 1000000000000, more than the 1 bytes left can hold");
    }

    @Test
    void refusesALengthLargerThanTheBytesLeft() {
        SnapshotBytes b = header().varint(1);
        int at = b.size();
        assertRefused(b.varint(500).raw('p', 'a', 'y').build(), at,
                "metric name length is 500, more than the 3 bytes left can hold");
    }

    @Test
    void refusesVarintsTooLongOrNotInShortestForm() {
        SnapshotBytes tooLong = header();
        int at = tooLong.size();
        assertRefused(tooLong.raw(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f).build(), at,
                "does not fit in 64 bits");
        assertRefused(header().raw(0x81, 0x00).build(), at, "not in its shortest form");
    }

    @Test
    void refusesAnUnknownMetric() {
        assertRefused(documentedExample().build(), List.of(REFUNDS), header().size() + 1,
                "metric 'payments' is not one of the 1 expected definitions");
    }

    @Test
    void refusesRepeatedOrUnorderedMetrics() {
        SnapshotBytes repeated = header().varint(2).definition(PAYMENTS).varint(0);
        int at = repeated.size();
        assertRefused(repeated.definition(PAYMENTS).varint(0).build(), at, "metric payments is repeated");

        SnapshotBytes unordered = header().varint(2).definition(REFUNDS).varint(0);
        int at2 = unordered.size();
        assertRefused(unordered.definition(PAYMENTS).varint(0).build(), List.of(PAYMENTS, REFUNDS), at2,
                "metric payments comes after refunds");
    }

    @Test
    void refusesAnUnknownEnumOrdinal() {
        SnapshotBytes b = header().varint(1).string("payments");
        int at = b.size();
        assertRefused(b.u8(42).build(), at, "unknown kind ordinal 42");
    }

    @Test
    void refusesADefinitionThatDiffers() {
        MetricDefinition<CountMetric> capped = MetricDefinition.count("payments").description("Payment attempts")
                .dimensions(Dimension.bool("cross_border")).maxValue(5).build();
        int at = new SnapshotBytes().header("Asia/Shanghai", HOUR, 48, 400, 0).varint(1).string("payments")
                .u8(0).u8(0).string("").u8(0).varint(1).string("cross_border").u8(2).varint(3).varint(10_000).size();

        assertRefused(documentedExample().build(), List.of(capped), at, "metric payments was written with another "
                + "definition: its max value is 1000000000000000 in the bytes but 5 in the expected definition");
    }

    @Test
    void refusesABucketThatEndsAtOrBeforeItsStart() {
        SnapshotBytes b = header().varint(1).definition(PAYMENTS).varint(1);
        int at = b.size();
        assertRefused(b.bucket(false, T0, T0, 0).build(), at, "ends at or before its start");
        assertRefused(header().varint(1).definition(PAYMENTS).varint(1).bucket(true, T0, T0 - HOUR, 0).build(), at,
                "ends at or before its start");
    }

    @Test
    void refusesBucketsThatAreNeitherOneGrainNorOneCalendarDay() {
        SnapshotBytes b = header().varint(1).definition(PAYMENTS).varint(1);
        int at = b.size();
        assertRefused(b.bucket(false, T0, T0 + 2 * HOUR, 0).build(), at,
                "a fine bucket of 7200000 ms where the grain is 3600000 ms");
        assertRefused(header().varint(1).definition(PAYMENTS).varint(1).bucket(true, T0 + HOUR, T0 + 25 * HOUR, 0)
                .build(), at, "is not a calendar day in Asia/Shanghai");
    }

    @Test
    void refusesADayFlagOtherThanZeroOrOne() {
        SnapshotBytes b = header().varint(1).definition(PAYMENTS).varint(1);
        int at = b.size();
        assertRefused(b.u8(2).fixed64(T0).fixed64(T0 + HOUR).varint(0).build(), at, "day flag must be 0 or 1, was 2");
    }

    @Test
    void refusesRepeatedOrUnorderedBuckets() {
        SnapshotBytes repeated = header().varint(1).definition(PAYMENTS).varint(2).bucket(false, T0, T0 + HOUR, 0);
        int at = repeated.size();
        assertRefused(repeated.bucket(false, T0, T0 + HOUR, 0).build(), at, "repeated bucket of metric payments");

        SnapshotBytes unordered = header().varint(1).definition(PAYMENTS).varint(2)
                .bucket(false, T0 + HOUR, T0 + 2 * HOUR, 0);
        assertRefused(unordered.bucket(false, T0, T0 + HOUR, 0).build(), at, "bucket out of order");
    }

    @Test
    void refusesAWrongNumberOfLabels() {
        SnapshotBytes b = inABucket(1);
        int at = b.size();
        assertRefused(b.labels("true", "true").varint(1).build(), at,
                "a series of metric payments has 2 labels; its 1 dimensions need 1");
    }

    @Test
    void refusesInvalidUtf8() {
        SnapshotBytes b = inABucket(1).varint(1);
        int at = b.size();
        assertRefused(b.varint(2).raw(0xc3, 0x28).varint(1).build(), at, "label is not valid UTF-8");
    }

    @Test
    void refusesALabelThatIsNotAValueOfItsDimension() {
        SnapshotBytes b = inABucket(1).varint(1);
        int at = b.size();
        assertRefused(b.string("maybe").varint(1).build(), at,
                "label 'maybe' is not a value of boolean dimension cross_border");
    }

    @Test
    void refusesRepeatedOrUnorderedSeries() {
        SnapshotBytes repeated = inABucket(2).labels("true").varint(1);
        int at = repeated.size();
        assertRefused(repeated.labels("true").varint(1).build(), at, "repeated series [true] of metric payments");

        SnapshotBytes unordered = inABucket(2).labels("true").varint(1);
        assertRefused(unordered.labels("false").varint(1).build(), at, "series out of order [false]");
    }

    @Test
    void refusesANegativeCountInACell() {
        SnapshotBytes b = inABucket(1).labels("true");
        int at = b.size();
        assertRefused(b.varint(Long.MIN_VALUE).build(), at, "a count value of metric payments is negative");
    }

    @Test
    void refusesBucketsOfADerivedMetric() {
        MetricDefinition<?> ticket = MetricDefinition.derived("average_ticket",
                Formula.ratio(Formula.ref("tpv"), Formula.ref("payments"))).money("CNY").description("Ticket").build();
        SnapshotBytes b = header().varint(1).definition(ticket);
        int at = b.size();
        assertRefused(b.varint(1).bucket(false, T0, T0 + HOUR, 0).build(), List.of(ticket), at,
                "derived metric average_ticket stores no buckets, but 1 follow");
    }

    // ---- embedded histograms and sketches ----

    /** An encoding of every kind, the offset of {@code embedded} in it, and a way to patch it. */
    record Embedded(byte[] bytes, int at, List<MetricDefinition<?>> definitions) {
        byte[] patched(int index, int value) {
            byte[] copy = bytes.clone();
            copy[at + index] = (byte) value;
            return copy;
        }

        byte[] patchedInt(int index, int value, java.nio.ByteOrder order) {
            byte[] copy = bytes.clone();
            ByteBuffer.wrap(copy).order(order).putInt(at + index, value);
            return copy;
        }
    }

    static Embedded embedded(String metric, Function<Cell, byte[]> form) {
        Snapshot s = new EveryKind().withThreeDaysOfTraffic().registry.snapshot();
        Cell cell = s.metric(metric).buckets().get(0).series().values().iterator().next();
        byte[] bytes = SnapshotCodec.encode(s);
        byte[] image = form.apply(cell);
        int at = indexOf(bytes, image);
        assertThat(at).as("the cell's image is in the encoding").isPositive();
        return new Embedded(bytes, at, s.definitions());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] compressed(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity() + 1024);
        int n = h.encodeIntoCompressedByteBuffer(buf);
        return Arrays.copyOf(buf.array(), n);
    }

    @Test
    void embedsHistogramsAndSketchesInTheirLibrariesOwnForms() {
        Snapshot s = new EveryKind().withThreeDaysOfTraffic().registry.snapshot();
        byte[] bytes = SnapshotCodec.encode(s);
        for (Snapshot.MetricData m : s.metrics().values()) {
            for (SeriesCells b : m.buckets()) {
                for (Cell c : b.series().values()) {
                    if (c instanceof Cell.Distribution d) {
                        assertThat(indexOf(bytes, compressed(d.histogram()))).isPositive();
                    } else if (c instanceof Cell.Hll h) {
                        assertThat(indexOf(bytes, couponsSorted(h.sketch().toCompactByteArray()))).isPositive();
                    } else if (c instanceof Cell.Theta t) {
                        t.columns().forEach(col -> assertThat(indexOf(bytes, col.toByteArray())).isPositive());
                    }
                }
            }
        }
    }

    /** An HLL image as documented: in list and set modes (byte 7, low bits 0 or 1), coupons sorted. */
    static byte[] couponsSorted(byte[] image) {
        if ((image[7] & 3) == 2) {
            return image;
        }
        int start = image[0] * 4;
        java.nio.IntBuffer ints = ByteBuffer.wrap(image, start, image.length - start)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int[] coupons = new int[ints.remaining()];
        ints.get(coupons);
        Arrays.sort(coupons);
        ints.rewind();
        ints.put(coupons);
        return image;
    }

    @Test
    void refusesHistogramBytesThatAreNotAHistogramOfTheDefinition() {
        Embedded e = embedded("auth_latency", c -> compressed(((Cell.Distribution) c).histogram()));
        assertRefused(e.patched(0, 0x00), e.definitions(), e.at(),
                "histogram of metric auth_latency is not a compressed HdrHistogram");
        assertRefused(e.patchedInt(4, 3, java.nio.ByteOrder.BIG_ENDIAN), e.definitions(), e.at(),
                "histogram of metric auth_latency says it has 3 compressed bytes");
        assertRefused(e.patched(8, 0x00), e.definitions(), e.at(),
                "histogram of metric auth_latency is not valid deflate data");
    }

    @Test
    void refusesAHistogramOfAnotherRangeBeforeAllocatingIt() {
        MetricDefinition<?> latency = new EveryKind().latency.definition();
        Histogram wide = new Histogram(1, Long.MAX_VALUE / 2, 5);
        wide.recordValue(42);
        byte[] image = compressed(wide);
        SnapshotBytes b = header().varint(1).definition(latency).varint(1).bucket(false, T0, T0 + HOUR, 1)
                .labels("east").varint(image.length);
        int at = b.size();
        assertRefused(b.raw(image).build(), List.of(latency), at,
                "has range 1..4611686018427387903 and 5 significant digits; "
                        + "the definition calls for 1..60000000 and 2");
    }

    @Test
    void refusesHistogramCountsThatHdrHistogramRejects() throws Exception {
        MetricDefinition<?> latency = new EveryKind().latency.definition();
        Histogram h = new Histogram(1, 60_000_000L, 2);
        h.recordValue(42);
        ByteBuffer plain = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoByteBuffer(plain);
        // Replace the counts with a run of zeros far past the end of the counts array, then a count.
        ByteBuffer corrupt = ByteBuffer.allocate(n + 16);
        corrupt.put(plain.array(), 0, 40);
        corrupt.put(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0x7f, 0x02}); // zigzag -1048576, then 1
        corrupt.putInt(4, corrupt.position() - 40);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(corrupt.array(), 0, corrupt.position());
        deflater.finish();
        byte[] deflated = new byte[1024];
        int dn = deflater.deflate(deflated);
        ByteBuffer blob = ByteBuffer.allocate(8 + dn);
        blob.put(Arrays.copyOf(compressed(h), 4)).putInt(dn).put(deflated, 0, dn);

        SnapshotBytes b = header().varint(1).definition(latency).varint(1).bucket(false, T0, T0 + HOUR, 1)
                .labels("east").varint(blob.capacity());
        int at = b.size();
        assertRefused(b.raw(blob.array()).build(), List.of(latency), at,
                "HdrHistogram refused the histogram of metric auth_latency");
    }

    @Test
    void refusesHllBytesThatDataSketchesRejectsOrThatDoNotFitTheDefinition() {
        Embedded e = embedded("active_payers", c -> couponsSorted(((Cell.Hll) c).sketch().toCompactByteArray()));
        assertRefused(e.patched(2, 99), e.definitions(), e.at(),
                "DataSketches refused the HLL sketch of metric active_payers");
        assertRefused(e.patched(3, 20), e.definitions(), e.at(),
                "HLL sketch of metric active_payers has lgK 20; the definition allows 4..10");
    }

    @Test
    void refusesThetaBytesThatDataSketchesRejectsOrThatCannotHoldTheirCount() {
        Embedded e = embedded("payer_set", c -> ((Cell.Theta) c).columns().get(0).toByteArray());
        assertRefused(e.patched(1, 4), e.definitions(), e.at(),
                "Theta sketch of metric payer_set is not a compact sketch of serialization version 3");
        assertRefused(e.patchedInt(8, Integer.MAX_VALUE, java.nio.ByteOrder.LITTLE_ENDIAN), e.definitions(),
                e.at(), "Theta sketch of metric payer_set declares 2147483647 entries");
        assertRefused(e.patched(6, 0x55), e.definitions(), e.at(),
                "DataSketches refused a Theta sketch of metric payer_set");
    }

    // ---- encoding refuses what decoding would ----

    @Test
    void refusesToEncodeACellOfAnotherKind() {
        Snapshot s = new Snapshot(SHANGHAI, HOUR, 48, 400, T0, Map.of("payments", new Snapshot.MetricData(PAYMENTS,
                List.of(new SeriesCells(false, T0, T0 + HOUR, Map.of(List.of("true"), new Cell.Gauge(1, T0)))))));
        assertThatIllegalArgumentException().isThrownBy(() -> SnapshotCodec.encode(s))
                .withMessageContaining("cannot encode a cell of metric payments: its count definition calls for "
                        + "1 long column(s)");
    }

    @Test
    void refusesToEncodeALabelThatIsNotAValueOfItsDimension() {
        Snapshot s = new Snapshot(SHANGHAI, HOUR, 48, 400, T0, Map.of("payments", new Snapshot.MetricData(PAYMENTS,
                List.of(new SeriesCells(false, T0, T0 + HOUR,
                        Map.of(List.of("yes"), new Cell.Longs(new long[] {1})))))));
        assertThatIllegalArgumentException().isThrownBy(() -> SnapshotCodec.encode(s))
                .withMessageContaining("label 'yes' is not a value of boolean dimension cross_border");
    }

    @Test
    void refusesToEncodeABucketThatIsNotOneGrain() {
        Snapshot s = new Snapshot(SHANGHAI, HOUR, 48, 400, T0, Map.of("payments", new Snapshot.MetricData(PAYMENTS,
                List.of(new SeriesCells(false, T0, T0 + 2 * HOUR, Map.of())))));
        assertThatIllegalArgumentException().isThrownBy(() -> SnapshotCodec.encode(s))
                .withMessageContaining("a fine bucket of 7200000 ms where the grain is 3600000 ms");
    }

    @Test
    void labelsBeyondAsciiAreWrittenAsUtf8AndReadBack() {
        OpenDimension region = Dimension.open("region", 10);
        ManualClock clock = new ManualClock(java.time.Instant.ofEpochMilli(T0));
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(clock).build();
        CountMetric m = registry.register(MetricDefinition.count("regional_payments").description("By region")
                .dimensions(region).build());
        for (String r : List.of("east", "广东", "Zürich", "shop\uD83D\uDE00")) {
            m.increment(m.series(r));
        }
        Snapshot s = registry.snapshot();
        byte[] bytes = SnapshotCodec.encode(s);

        assertThat(SnapshotCodec.decode(bytes, s.definitions())).isEqualTo(s);
        byte[] label = new SnapshotBytes().string("广东").build();
        assertThat(label).hasSize(1 + 6); // length, then the two characters' three UTF-8 bytes each
        assertThat(java.util.Collections.indexOfSubList(toList(bytes), toList(label))).isPositive();
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> out = new java.util.ArrayList<>();
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }

    @Test
    void anOpenValueWithAnUnpairedSurrogateIsRecordedAsUnknownSoTheSnapshotEncodes() {
        OpenDimension merchant = Dimension.open("merchant", 10);
        assertThat(merchant.code("shop\uD800")).isEqualTo(merchant.unknownCode());
        assertThat(merchant.code("shop\uD83D\uDE00")).isZero(); // a well-formed pair is a value like any other

        ManualClock clock = new ManualClock(java.time.Instant.ofEpochMilli(T0));
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(clock).build();
        CountMetric m = registry.register(MetricDefinition.count("merchant_payments").description("By merchant")
                .dimensions(merchant).build());
        m.increment(m.series("shop\uDC00"));
        m.increment(m.series("shop\uD83D\uDE00"));
        Snapshot s = registry.snapshot();

        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(s), s.definitions())).isEqualTo(s);
        assertThat(s.metric("merchant_payments").buckets().get(0).series())
                .containsOnlyKeys(List.of(Dimension.UNKNOWN), List.of("shop\uD83D\uDE00"));
    }

    @Test
    void aReaderWithTwoDifferentDefinitionsOfOneNameIsACallerError() {
        MetricDefinition<CountMetric> other = MetricDefinition.count("payments").description("Other").build();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SnapshotCodec.decode(documentedExample().build(), List.of(PAYMENTS, other)))
                .isNotInstanceOf(MalformedSnapshotException.class)
                .withMessageContaining("two expected definitions are named payments");
        Map<String, MetricDefinition<?>> misfiled = new TreeMap<>(Map.of("refunds", PAYMENTS));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SnapshotCodec.decode(documentedExample().build(), misfiled))
                .withMessageContaining("expected definition payments is filed under refunds");
    }

    @Test
    void definitionsAreListedInNameOrder() {
        Snapshot s = new EveryKind().registry.snapshot();
        assertThat(s.definitions()).extracting(MetricDefinition::name).isSorted()
                .containsExactlyElementsOf(s.metrics().keySet());
    }
}
