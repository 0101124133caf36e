package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.Channel;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Window;
import org.junit.jupiter.api.Test;

/** Series numbers a metric never handed out. */
class SeriesNumberTest {
    private final ManualClock clock = new ManualClock(Calendar.at(12, 30));
    private final MetricRegistry registry = Calendar.registry(clock);
    private final long at = Calendar.millis(12, 0);

    private long unknownSeries() {
        return registry.health().refused(RefusalReason.UNKNOWN_SERIES);
    }

    @Test
    void refusesUnknownSeriesNumberAndCountsIt() {
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("Payments")
                .dimensions(Dimension.of("channel", Channel.class)).build());

        payments.increment(4, at); // codes are 0..3 (three channels and unknown)
        payments.increment(-7, at);
        payments.increment(Integer.MAX_VALUE, at);

        assertThat(unknownSeries()).isEqualTo(3);
        assertThat(registry.query(Query.of(payments).window(Window.day(Calendar.DAY))).value())
                .isEqualTo(new Value.Count(0));
    }

    @Test
    void refusesUnknownSeriesNumberForEveryKind() {
        int bad = 1_000;
        registry.register(MetricDefinition.sum("tpv").money("CNY").description("d").build()).add(bad, 1, at);
        registry.register(MetricDefinition.ratio("rate").description("d").build()).record(bad, true, at);
        registry.register(MetricDefinition.distribution("latency").unit(Unit.MICROSECONDS).description("d").build())
                .record(bad, 1, at);
        registry.register(MetricDefinition.distinct("payers").description("d").build()).add(bad, 1L, at);
        registry.register(MetricDefinition.gauge("balance").description("d").build()).set(bad, 1, at);
        registry.register(MetricDefinition.funnel("checkout", "visit", "pay").description("d").build())
                .step(bad, 0, 1L, at);
        registry.register(MetricDefinition.retention("retained").description("d").build()).cohort(bad, 1L, at);

        assertThat(unknownSeries()).isEqualTo(7);
        assertThat(registry.health().totalRefused()).isEqualTo(7);
    }

    @Test
    void refusesASeriesNumberThatASparseMetricHasNotHandedOutYet() {
        // 100 merchants x 4 channels do not fit under a limit of 10 series: slots go by first sight
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("Payments")
                .dimensions(Dimension.open("merchant", 100), Dimension.of("channel", Channel.class))
                .seriesLimit(10).build());
        int first = payments.series("m0", Channel.QR_SCAN);
        payments.increment(first, at);

        payments.increment(first + 1, at); // never handed out

        assertThat(unknownSeries()).isEqualTo(1);
        int second = payments.series("m1", Channel.QR_SCAN);
        payments.increment(second, at);
        QueryResult r = registry.query(Query.of(payments).window(Window.day(Calendar.DAY)).groupBy("merchant"));
        assertThat(r.row("m1")).get().extracting(row -> row.value()).isEqualTo(new Value.Count(1));
        assertThat(r.rows()).hasSize(2);
    }

    @Test
    void aMetricThatNumbersItsSeriesAsAnotherTakesItsSeriesNumbersAndLimit() {
        // the limit of 2 counts the series of both: a combination first seen by either takes a slot
        MetricDefinition<CountMetric> readsDef = MetricDefinition.count("reads").description("Reads")
                .dimensions(Dimension.open("account", 100), Dimension.of("channel", Channel.class))
                .seriesLimit(2).build();
        CountMetric reads = registry.register(readsDef);
        CountMetric engaged = registry.register(MetricDefinition.count("engaged_reads").description("Engaged")
                .seriesOf(readsDef).build());
        assertThat(engaged.definition().dimensions()).isEqualTo(readsDef.dimensions());
        assertThat(engaged.definition().seriesLimit()).isEqualTo(2);

        int a = reads.series("a", Channel.QR_SCAN);
        reads.increment(a, at);
        engaged.increment(a, at); // a number resolved on reads is valid on engaged reads
        int b = engaged.series("b", Channel.IN_APP);
        assertThat(reads.series("b", Channel.IN_APP)).isEqualTo(b);
        engaged.add(b, 2, at);
        int c = reads.series("c", Channel.QR_SCAN); // a third combination: past the shared limit
        reads.increment(c, at);

        assertThat(unknownSeries()).isZero();
        QueryResult r = registry.query(Query.of(reads).window(Window.day(Calendar.DAY)).groupBy("account"));
        assertThat(r.row("a")).get().extracting(row -> row.value()).isEqualTo(new Value.Count(1));
        assertThat(r.row("b")).as("engaged reads' series, never read").isEmpty();
        assertThat(r.row("(other)")).get().extracting(row -> row.value()).isEqualTo(new Value.Count(1));
        QueryResult e = registry.query(Query.of(engaged).window(Window.day(Calendar.DAY)).groupBy("account"));
        assertThat(e.row("a")).get().extracting(row -> row.value()).isEqualTo(new Value.Count(1));
        assertThat(e.row("b")).get().extracting(row -> row.value()).isEqualTo(new Value.Count(2));
        assertThat(e.rows()).hasSize(2);
        assertThat(registry.health().seriesByMetric()).containsEntry("reads", 3).containsEntry("engaged_reads", 3);
    }

    @Test
    void aMetricThatNumbersItsSeriesAsAnotherIsRefusedBeforeItOrWithOtherDimensions() {
        MetricDefinition<CountMetric> readsDef = MetricDefinition.count("reads").description("Reads")
                .dimensions(Dimension.of("channel", Channel.class)).build();
        MetricDefinition<CountMetric> engagedDef = MetricDefinition.count("engaged_reads").description("Engaged")
                .seriesOf(readsDef).build();

        assertThatThrownBy(() -> registry.register(engagedDef))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("register reads first");
        assertThatThrownBy(() -> MetricDefinition.count("x").description("x").seriesOf(readsDef).seriesLimit(5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numbers its series as reads");
        assertThatThrownBy(() -> MetricDefinition.count("x").description("x")
                .dimensions(Dimension.of("channel", Channel.class)).seriesOf(readsDef))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not set them");
        registry.register(MetricDefinition.count("reads").description("Reads")
                .dimensions(Dimension.of("channel", Channel.class), Dimension.bool("first")).build());
        assertThatThrownBy(() -> registry.register(engagedDef))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same dimensions");
        assertThat(engagedDef).isNotEqualTo(MetricDefinition.count("engaged_reads").description("Engaged")
                .dimensions(Dimension.of("channel", Channel.class)).build());
    }
}
