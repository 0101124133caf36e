package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.Channel;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal, in both modes: {@link Mode#STRICT} throws {@link IllegalArgumentException} at the
 * call; {@link Mode#LENIENT} never throws and counts the refusal under its reason.
 */
class RefusalModeTest {
    private static final long AT = Calendar.millis(12, 0);
    private static final long NOW = Calendar.millis(12, 30);
    private static final long LONG_AGO = AT - Duration.ofDays(500).toMillis();
    private static final long TOMORROW = AT + Duration.ofDays(1).toMillis();

    /** One registry with a metric of each kind, in a given mode. */
    static final class Host {
        final ManualClock clock = new ManualClock(Calendar.at(12, 30));
        final MetricRegistry registry;
        final MetricRegistry other;
        final CountMetric payments;
        final CountMetric events;
        final SumMetric tpv;
        final RatioMetric rate;
        final DistributionMetric latency;
        final DistinctMetric payers;
        final FunnelMetric checkout;
        final GaugeMetric balance;
        final RetentionMetric retained;

        Host(Mode mode) {
            registry = Calendar.registry(clock, mode);
            other = Calendar.registry(clock, mode);
            payments = registry.register(MetricDefinition.count("payments").description("d")
                    .dimensions(Dimension.of("channel", Channel.class)).build());
            events = registry.register(MetricDefinition.count("events").maxValue(Long.MAX_VALUE)
                    .description("d").build());
            tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").description("d").build());
            rate = registry.register(MetricDefinition.ratio("rate").description("d").build());
            latency = registry.register(MetricDefinition.distribution("latency").unit(Unit.MICROSECONDS)
                    .description("d").build());
            payers = registry.register(MetricDefinition.distinct("payers").description("d").build());
            checkout = registry.register(MetricDefinition.funnel("checkout", "visit", "pay").description("d").build());
            balance = registry.register(MetricDefinition.gauge("balance").description("d").build());
            retained = registry.register(MetricDefinition.retention("retained").description("d").build());
        }

        int qr() {
            return payments.series(Channel.QR_SCAN);
        }
    }

    record Case(RefusalReason reason, Consumer<Host> badInput) {
    }

    private static Arguments refusal(String name, RefusalReason reason, Consumer<Host> badInput) {
        return Arguments.of(named(name, new Case(reason, badInput)));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("negative amount", RefusalReason.NEGATIVE_VALUE, h -> h.tpv.add(h.tpv.series(), -1, AT)),
                refusal("negative count", RefusalReason.NEGATIVE_VALUE, h -> h.payments.add(h.qr(), -1, AT)),
                refusal("negative amount on a bound series", RefusalReason.NEGATIVE_VALUE,
                        h -> h.tpv.bind().add(-1, AT)),
                refusal("negative ratio part", RefusalReason.NEGATIVE_VALUE,
                        h -> h.rate.record(h.rate.series(), -1, 1, AT)),
                refusal("negative duration", RefusalReason.NEGATIVE_VALUE,
                        h -> h.latency.record(h.latency.series(), -1, AT)),
                refusal("absurd amount", RefusalReason.VALUE_TOO_LARGE,
                        h -> h.tpv.add(h.tpv.series(), MetricDefinition.DEFAULT_MAX_VALUE + 1, AT)),
                refusal("absurd ratio part", RefusalReason.VALUE_TOO_LARGE,
                        h -> h.rate.bind().record(1, Long.MAX_VALUE)),
                refusal("duration past the histogram's range", RefusalReason.VALUE_TOO_LARGE,
                        h -> h.latency.bind().record(60_000_001, AT)),
                refusal("counter overflow", RefusalReason.OVERFLOW, h -> {
                    h.events.add(h.events.series(), Long.MAX_VALUE, AT);
                    h.events.increment(h.events.series(), AT);
                }),
                refusal("event older than the day retention", RefusalReason.TOO_OLD,
                        h -> h.payments.increment(h.qr(), LONG_AGO)),
                refusal("level older than the day retention", RefusalReason.TOO_OLD,
                        h -> h.balance.set(h.balance.series(), 1, LONG_AGO)),
                refusal("bucket older than the day retention", RefusalReason.TOO_OLD,
                        h -> h.registry.bucketAt(LONG_AGO)),
                refusal("event too far in the future", RefusalReason.TOO_FAR_IN_FUTURE,
                        h -> h.payers.add(h.payers.series(), 7L, TOMORROW)),
                refusal("funnel step too far in the future", RefusalReason.TOO_FAR_IN_FUTURE,
                        h -> h.checkout.step(h.checkout.series(), 0, 7L, TOMORROW)),
                refusal("wrong arity", RefusalReason.WRONG_ARITY,
                        h -> h.payments.series(Channel.QR_SCAN, "extra")),
                refusal("wrong arity of a bound series", RefusalReason.WRONG_ARITY, h -> h.rate.bind("extra")),
                refusal("unknown series number", RefusalReason.UNKNOWN_SERIES, h -> h.tpv.add(999, 1, AT)),
                refusal("negative series number", RefusalReason.UNKNOWN_SERIES, h -> h.balance.set(-5, 1, AT)),
                refusal("unknown series of a retention", RefusalReason.UNKNOWN_SERIES,
                        h -> h.retained.active(42, 7L, AT)),
                refusal("unknown funnel step", RefusalReason.UNKNOWN_STEP,
                        h -> h.checkout.step(h.checkout.series(), 5, 7L, AT)),
                refusal("null id", RefusalReason.NULL_ID,
                        h -> h.payers.add(h.payers.series(), (CharSequence) null, AT)),
                refusal("bucket of another registry", RefusalReason.FOREIGN_BUCKET,
                        h -> h.payments.increment(h.other.bucketAt(AT), h.qr())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void lenientNeverThrowsAndCountsTheRefusalUnderItsReason(Case c) {
        Host h = new Host(Mode.LENIENT);

        assertThatCode(() -> c.badInput().accept(h)).doesNotThrowAnyException();

        Health health = h.registry.health();
        assertThat(health.refused(c.reason())).isEqualTo(1);
        assertThat(health.totalRefused()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void strictThrowsIllegalArgumentExceptionNamingTheReason(Case c) {
        Host h = new Host(Mode.STRICT);

        assertThatThrownBy(() -> c.badInput().accept(h))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(c.reason().name());
    }

    @Test
    void lenientRecordsAWrongTypedValueUnderUnknownAndCountsIt() {
        Host h = new Host(Mode.LENIENT);

        assertThatCode(() -> h.payments.increment(h.payments.series("QR_SCAN"), AT)).doesNotThrowAnyException();

        assertThat(h.registry.health().recordedAsUnknown()).isEqualTo(1);
    }

    @Test
    void strictThrowsOnAWrongTypedValueNamingTheMetric() {
        Host h = new Host(Mode.STRICT);

        assertThatThrownBy(() -> h.payments.series("QR_SCAN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payments").hasMessageContaining("java.lang.String");
    }

    @Test
    void strictRecordsWhatIsNotARefusal() {
        Host h = new Host(Mode.STRICT);

        assertThatCode(() -> {
            h.payments.increment(h.payments.series((Object) null), AT);          // null value: unknown
            h.payments.increment(h.qr(), NOW - Duration.ofHours(5).toMillis());  // late: its own bucket
            h.payments.seriesOfCodes(99);                                         // out-of-range code: unknown
            h.rate.record(h.rate.series(), 1, 0, AT);                             // zero denominator
            h.balance.set(h.balance.series(), -3, AT);                            // negative level
        }).doesNotThrowAnyException();

        assertThat(h.registry.health().late()).isEqualTo(1);
    }
}
