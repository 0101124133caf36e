package dev.northstar.metrics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import java.lang.management.ManagementFactory;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.time.Window;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SnapshotCodecProperties {

    // ---- encode, then decode, is the identity ----

    /** One recorded event: which metric, dimension choices, a value, and how the clock moves. */
    record Event(int metric, int a, int b, long value, int advanceMinutes, int lateMinutes) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Event> event = Combinators.combine(
                Arbitraries.integers().between(0, EveryKind.METRICS - 1),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 20),
                Arbitraries.longs().between(-1_000, 100_000_000),
                Arbitraries.integers().between(0, 240),
                Arbitraries.integers().between(0, 5 * 24 * 60)).as(Event::new);
        return event.list().ofMaxSize(80);
    }

    @Property(tries = 300)
    void decodingTheEncodingOfARegistrysSnapshotGivesItBack(@ForAll("events") List<Event> events) {
        EveryKind k = new EveryKind();
        for (Event e : events) {
            k.clock.advance(Duration.ofMinutes(e.advanceMinutes()));
            k.record(e.metric(), e.a(), e.b(), e.value(), k.clock.millis() - e.lateMinutes() * 60_000L);
        }
        Snapshot snapshot = k.registry.snapshot();

        byte[] bytes = SnapshotCodec.encode(snapshot);
        Snapshot decoded = SnapshotCodec.decode(bytes, k.registry.definitions());

        assertThat(decoded).isEqualTo(snapshot);
        assertThat(SnapshotCodec.encode(decoded)).as("the encoding is canonical").isEqualTo(bytes);
    }

    // ---- malformed input is refused, and only refused ----

    /** Ways to damage bytes. */
    enum Damage { SET, FLIP_BIT, INSERT, DELETE, TRUNCATE, RUN_OF_FF }

    /** One damage at a relative position. */
    record Mutation(Damage damage, double where, int value) {
        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int at = (int) (where * (in.length - 1));
            byte[] out;
            switch (damage) {
                case SET -> {
                    out = in.clone();
                    out[at] = (byte) value;
                }
                case FLIP_BIT -> {
                    out = in.clone();
                    out[at] ^= (byte) (1 << (value & 7));
                }
                case INSERT -> {
                    out = new byte[in.length + 1];
                    System.arraycopy(in, 0, out, 0, at);
                    out[at] = (byte) value;
                    System.arraycopy(in, at, out, at + 1, in.length - at);
                }
                case DELETE -> {
                    out = new byte[in.length - 1];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + 1, out, at, in.length - at - 1);
                }
                case TRUNCATE -> out = Arrays.copyOf(in, at);
                default -> {
                    out = in.clone();
                    Arrays.fill(out, at, Math.min(out.length, at + 1 + (value & 7)), (byte) 0xff);
                }
            }
            return out;
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.of(Damage.class), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 255)).as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    /** A day of traffic of every kind, and what decoding it allocates. */
    static final class Valid {
        static final Snapshot SNAPSHOT = new EveryKind().withTraffic(30).registry.snapshot();
        static final byte[] BYTES = SnapshotCodec.encode(SNAPSHOT);
        static final List<MetricDefinition<?>> DEFINITIONS = SNAPSHOT.definitions();
        static final long DECODE_ALLOCATES;

        static {
            long most = 0;
            for (int i = 0; i < 5; i++) { // the first decodes also load classes
                long before = allocatedByThisThread();
                SnapshotCodec.decode(BYTES, DEFINITIONS);
                most = Math.max(most, allocatedByThisThread() - before);
            }
            DECODE_ALLOCATES = most;
        }
    }

    static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Property(tries = 2000)
    void damagedBytesDecodeOrAreRefusedWithoutAllocatingMoreThanTheyJustify(
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = Valid.BYTES;
        for (Mutation m : mutations) {
            bytes = m.apply(bytes);
        }

        Snapshot decoded = null;
        long before = allocatedByThisThread();
        try {
            decoded = SnapshotCodec.decode(bytes, Valid.DEFINITIONS); // anything else thrown fails the property
        } catch (MalformedSnapshotException refused) {
            assertThat(refused.offset()).isBetween(0, bytes.length);
        }
        long allocated = allocatedByThisThread() - before;

        // Damage cannot add histograms or sketches (each needs a valid header), so a decode may
        // allocate what the valid one does, plus what longer lengths within the input justify.
        assertThat(allocated).isLessThan(4 * Valid.DECODE_ALLOCATES + 16L * bytes.length + (1 << 20));
        if (decoded != null) {
            assertUsable(decoded);
        }
    }

    /**
     * What decodes is a snapshot like any other: it merges, answers queries with finite values
     * (never NaN) and encodes again to the same snapshot.
     */
    static void assertUsable(Snapshot decoded) {
        Snapshot merged = decoded.merge(Valid.SNAPSHOT).merge(decoded);
        for (MetricDefinition<?> d : decoded.definitions()) {
            for (int day = 0; day < 3; day++) {
                Query q = Query.of(d.name()).window(Window.day(LocalDate.of(2025, 3, 1 + day)));
                for (Snapshot s : List.of(decoded, merged)) {
                    QueryEngine.run(s, q).rows().forEach(row -> row.value().value()
                            .ifPresent(v -> assertThat(v).as("%s on %s", d.name(), q.window()).isFinite()));
                }
            }
        }
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(decoded), decoded.definitions())).isEqualTo(decoded);
    }

    @Property(tries = 1000)
    void randomBytesAfterAValidHeaderAreRefusedOrDecode(@ForAll @Size(max = 300) byte[] tail) {
        byte[] header = new SnapshotBytes().header("Asia/Shanghai", 3_600_000, 48, 400, 0).build();
        byte[] bytes = Arrays.copyOf(header, header.length + tail.length);
        System.arraycopy(tail, 0, bytes, header.length, tail.length);
        try {
            SnapshotCodec.decode(bytes, Valid.DEFINITIONS);
        } catch (MalformedSnapshotException refused) {
            assertThat(refused).hasMessageContaining("malformed snapshot at byte ");
        }
    }

    // ---- a reader's definition must be the writer's ----

    enum Channel { QR_SCAN, IN_APP, WEB }

    enum RenamedChannel { QR_SCAN, IN_APP, MINI_PROGRAM }

    /** One field of a definition changed between writer and reader, and the field's name. */
    enum Alteration {
        KIND("kind"), UNIT("unit"), CURRENCY("currency"), DIRECTION("direction"),
        DIMENSION_COUNT("dimension count"), DIMENSION_NAME("dimension 0 name"), DIMENSION_TYPE("dimension 0 type"),
        DIMENSION_SIZE("dimension 0 size"), ENUM_VALUES("dimension 0 values"), SERIES_LIMIT("series limit"),
        MAX_VALUE("max value"), SIGNIFICANT_DIGITS("significant digits"), LGK("lgK"),
        SET_OPERATIONS("set operations"), FUNNEL_STEPS("funnel steps"), RETENTION_DAYS("retention days"),
        FORMULA("formula");

        final String field;

        Alteration(String field) {
            this.field = field;
        }

        /** The writer's definition (altered = false) or the reader's (altered = true). */
        MetricDefinition<?> definition(boolean altered) {
            return switch (this) {
                case KIND -> altered ? MetricDefinition.sum("m").unit(Unit.EVENTS).description("M").build() : count();
                case UNIT -> MetricDefinition.count("m").unit(altered ? Unit.ONE : Unit.EVENTS).description("M")
                        .build();
                case CURRENCY -> MetricDefinition.sum("m").money(altered ? "USD" : "CNY").description("M").build();
                case DIRECTION -> MetricDefinition.count("m").description("M")
                        .direction(altered ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER).build();
                case DIMENSION_COUNT -> altered ? count() : count(Dimension.bool("x"));
                case DIMENSION_NAME -> count(Dimension.bool(altered ? "y" : "x"));
                case DIMENSION_TYPE -> count(altered ? Dimension.open("x", 1) : Dimension.bool("x"));
                case DIMENSION_SIZE -> count(Dimension.open("x", altered ? 6 : 5));
                case ENUM_VALUES -> count(altered ? Dimension.of("channel", RenamedChannel.class)
                        : Dimension.of("channel", Channel.class));
                case SERIES_LIMIT -> MetricDefinition.count("m").description("M")
                        .seriesLimit(altered ? 100 : 10_000).build();
                case MAX_VALUE -> MetricDefinition.count("m").description("M").maxValue(altered ? 5 : 10).build();
                case SIGNIFICANT_DIGITS -> MetricDefinition.distribution("m").unit(Unit.MILLISECONDS).description("M")
                        .significantDigits(altered ? 3 : 2).build();
                case LGK -> MetricDefinition.distinct("m").description("M").lgK(altered ? 11 : 10).build();
                case SET_OPERATIONS -> altered ? MetricDefinition.distinct("m").description("M").setOperations().build()
                        : MetricDefinition.distinct("m").description("M").build();
                case FUNNEL_STEPS -> MetricDefinition.funnel("m", "a", altered ? "c" : "b").description("M").build();
                case RETENTION_DAYS -> MetricDefinition.retention("m").description("M")
                        .retentionDays(1, altered ? 30 : 7).build();
                case FORMULA -> MetricDefinition.derived("m", altered
                        ? Formula.ratio(Formula.ref("b"), Formula.ref("a"))
                        : Formula.ratio(Formula.ref("a"), Formula.ref("b"))).unit(Unit.ONE).description("M").build();
            };
        }

        private static MetricDefinition<?> count(Dimension<?>... dims) {
            return MetricDefinition.count("m").description("M").dimensions(dims).build();
        }
    }

    @Property
    void aSnapshotIsRefusedByAReaderWhoseDefinitionDiffersInAnyField(@ForAll Alteration alteration) {
        MetricDefinition<?> writer = alteration.definition(false);
        MetricDefinition<?> reader = alteration.definition(true);
        Snapshot s = new Snapshot(ZoneId.of("UTC"), 3_600_000, 48, 400, 0,
                Map.of("m", new Snapshot.MetricData(writer, List.of())));
        byte[] bytes = SnapshotCodec.encode(s);

        assertThat(SnapshotCodec.decode(bytes, List.of(writer))).isEqualTo(s);
        assertThatExceptionOfType(MalformedSnapshotException.class)
                .isThrownBy(() -> SnapshotCodec.decode(bytes, List.of(reader)))
                .withMessageContaining("metric m was written with another definition: its " + alteration.field
                        + " is ");
    }
}
