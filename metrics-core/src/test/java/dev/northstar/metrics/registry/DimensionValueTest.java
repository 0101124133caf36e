package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.Channel;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Window;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Null, wrong-typed and missing dimension values. */
class DimensionValueTest {
    private final ManualClock clock = new ManualClock(Calendar.at(12, 30));
    private final MetricRegistry registry = Calendar.registry(clock);
    private final long at = Calendar.millis(12, 0);
    private final CountMetric payments = registry.register(MetricDefinition.count("payments")
            .description("Payments")
            .dimensions(Dimension.of("channel", Channel.class), Dimension.open("bank", 8),
                    Dimension.bool("cross_border"))
            .build());

    private QueryResult byAllDimensions() {
        return registry.query(Query.of(payments).window(Window.day(Calendar.DAY))
                .groupBy("channel", "bank", "cross_border"));
    }

    @Test
    void recordsNullDimensionValuesUnderUnknownWithoutCountingThemAsWrongTyped() {
        payments.increment(payments.series(null, null, null), at);
        payments.increment(payments.series(Channel.QR_SCAN, null, true), at);

        QueryResult r = byAllDimensions();
        assertThat(r.rows()).hasSize(2);
        assertThat(r.row("QR_SCAN", Dimension.UNKNOWN, "true")).get()
                .extracting(row -> row.value()).isEqualTo(new Value.Count(1));
        assertThat(r.row(Dimension.UNKNOWN, Dimension.UNKNOWN, Dimension.UNKNOWN)).get()
                .extracting(row -> row.value()).isEqualTo(new Value.Count(1));
        assertThat(registry.health().recordedAsUnknown()).isZero();
        assertThat(registry.health().totalRefused()).isZero();
    }

    @Test
    void selectsNullValuesWithANullFilter() {
        payments.increment(payments.series(null, "ICBC", false), at);
        payments.increment(payments.series(Channel.IN_APP, "ICBC", false), at);

        Value unknownChannel = registry.query(Query.of(payments).window(Window.day(Calendar.DAY))
                .where("channel", (Object) null)).value();
        assertThat(unknownChannel).isEqualTo(new Value.Count(1));
    }

    @Test
    void recordsWrongTypedValuesUnderUnknownAndCountsThem() {
        payments.increment(payments.series("QR_SCAN", 42, "yes"), at);

        QueryResult r = byAllDimensions();
        assertThat(r.groups()).containsExactly(
                Map.of("channel", Dimension.UNKNOWN, "bank", Dimension.UNKNOWN, "cross_border", Dimension.UNKNOWN));
        assertThat(r.value()).isEqualTo(new Value.Count(1));
        assertThat(registry.health().recordedAsUnknown()).isEqualTo(3);
        assertThat(registry.health().totalRefused()).isZero();
    }

    @Test
    void refusesWrongArityAsSeriesMinusOneAndCountsIt() {
        assertThat(payments.series()).isEqualTo(Metric.REFUSED);
        assertThat(payments.series(Channel.QR_SCAN)).isEqualTo(Metric.REFUSED);
        assertThat(payments.series(Channel.QR_SCAN, "ICBC")).isEqualTo(Metric.REFUSED);
        assertThat(payments.series(Channel.QR_SCAN, "ICBC", true, "extra")).isEqualTo(Metric.REFUSED);
        assertThat(payments.seriesOfCodes(0, 0)).isEqualTo(Metric.REFUSED);

        assertThat(registry.health().refused(RefusalReason.WRONG_ARITY)).isEqualTo(5);
    }

    @Test
    void recordsNothingIntoTheRefusedSeriesAndDoesNotCountItTwice() {
        int refused = payments.series(Channel.QR_SCAN);
        payments.increment(refused, at);
        payments.add(refused, 5, at);
        payments.bind(Channel.QR_SCAN).add(1, at);

        Health h = registry.health();
        assertThat(h.refused(RefusalReason.WRONG_ARITY)).isEqualTo(2);
        assertThat(h.totalRefused()).isEqualTo(2);
        assertThat(byAllDimensions().rows()).isEmpty();
    }

    @Test
    void refusesAMissingValueArrayAsWrongArity() {
        assertThat(payments.series((Object[]) null)).isEqualTo(Metric.REFUSED);
        assertThat(payments.seriesOfCodes((int[]) null)).isEqualTo(Metric.REFUSED);
        payments.bind((Object[]) null).add(1, at);

        assertThat(registry.health().refused(RefusalReason.WRONG_ARITY)).isEqualTo(3);
        assertThat(byAllDimensions().rows()).isEmpty();
    }

    @Test
    void recordsAnOutOfRangeCodeUnderUnknown() {
        payments.increment(payments.seriesOfCodes(99, -1, 2), at);

        assertThat(byAllDimensions().groups()).containsExactly(
                Map.of("channel", Dimension.UNKNOWN, "bank", Dimension.UNKNOWN, "cross_border", Dimension.UNKNOWN));
    }

    @Test
    void resolvesTheSameSeriesFromValuesAndFromCodes() {
        int fromValues = payments.series(Channel.IN_APP, "CMB", true);
        List<Dimension<?>> dims = payments.definition().dimensions();
        @SuppressWarnings("unchecked")
        int fromCodes = payments.seriesOfCodes(((Dimension<Channel>) dims.get(0)).code(Channel.IN_APP),
                ((Dimension<String>) dims.get(1)).code("CMB"), ((Dimension<Boolean>) dims.get(2)).code(true));

        assertThat(fromCodes).isEqualTo(fromValues);
    }
}
