package dev.northstar.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.Channel;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.SumMetric;
import dev.northstar.metrics.time.Window;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Zero denominators and windows without data: explicit empty values, never NaN. */
class EmptyValueTest {
    private final ManualClock clock = new ManualClock(Calendar.at(12, 30));
    private final MetricRegistry registry = Calendar.registry(clock);
    private final long at = Calendar.millis(12, 0);
    private final Window today = Window.day(Calendar.DAY);
    private final Window yesterday = Window.day(Calendar.DAY.minusDays(1));

    private Value value(String metric, Window w) {
        return registry.query(Query.of(metric).window(w)).value();
    }

    @Test
    void zeroDenominatorMakesTheRatioEmptyNeverNaN() {
        RatioMetric takeRate = registry.register(MetricDefinition.ratio("take_rate")
                .description("Fees / TPV").build());

        takeRate.record(takeRate.series(), 3, 0, at);

        Value v = value("take_rate", today);
        assertThat(v).isEqualTo(new Value.Ratio(3, 0));
        assertThat(v.value()).isEmpty();
    }

    @Test
    void ratioOfNothingIsEmptyWithZeroParts() {
        RatioMetric takeRate = registry.register(MetricDefinition.ratio("take_rate")
                .description("Fees / TPV").build());

        takeRate.record(takeRate.series(), 0, 0, at);

        assertThat(value("take_rate", today)).isEqualTo(new Value.Ratio(0, 0));
        assertThat(value("take_rate", today).value()).isEmpty();
    }

    @Test
    void derivedDivisionByZeroIsEmptyAndShowsItsParts() {
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").description("TPV").build());
        registry.register(MetricDefinition.count("payments").description("Payments").build());
        registry.register(MetricDefinition.derived("average_ticket",
                Formula.ratio(Formula.ref("tpv"), Formula.ref("payments"))).money("CNY")
                .description("TPV per payment").build());

        tpv.add(tpv.series(), 500, at);

        Value.Derived v = (Value.Derived) value("average_ticket", today);
        assertThat(v.value()).isEmpty();
        assertThat(v.parts()).containsEntry("tpv", OptionalDouble.of(500)).containsEntry("payments", OptionalDouble.of(0));
    }

    @Test
    void derivedDivisionByZeroIsEmptyInTheGroupThatHasNoDenominator() {
        Dimension<Channel> channel = Dimension.of("channel", Channel.class);
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").description("TPV")
                .dimensions(channel).build());
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("Payments")
                .dimensions(channel).build());
        registry.register(MetricDefinition.derived("average_ticket",
                Formula.ratio(Formula.ref("tpv"), Formula.ref("payments"))).money("CNY")
                .description("TPV per payment").build());

        tpv.add(tpv.series(Channel.QR_SCAN), 500, at);
        tpv.add(tpv.series(Channel.IN_APP), 300, at);
        payments.add(payments.series(Channel.IN_APP), 3, at);

        QueryResult r = registry.query(Query.of("average_ticket").window(today).groupBy("channel"));
        assertThat(r.row("IN_APP").orElseThrow().value().value()).hasValue(100);
        assertThat(r.row("QR_SCAN").orElseThrow().value().value()).isEmpty();
    }

    @Test
    void emptyWindowGivesEachKindItsExplicitEmptyValue() {
        registry.register(MetricDefinition.count("payments").description("d").build());
        registry.register(MetricDefinition.sum("tpv").money("CNY").description("d").build());
        registry.register(MetricDefinition.ratio("success_rate").description("d").build());
        registry.register(MetricDefinition.distribution("latency").unit(Unit.MICROSECONDS).description("d").build());
        registry.register(MetricDefinition.distinct("payers").description("d").build());
        registry.register(MetricDefinition.distinct("readers").setOperations().description("d").build());
        registry.register(MetricDefinition.gauge("followers").description("d").build());
        registry.register(MetricDefinition.funnel("checkout", "visit", "pay").description("d").build());
        registry.register(MetricDefinition.retention("retained").description("d").build());
        registry.register(MetricDefinition.derived("average_ticket",
                Formula.ratio(Formula.ref("tpv"), Formula.ref("payments"))).money("CNY").description("d").build());

        assertThat(value("payments", yesterday)).isEqualTo(new Value.Count(0));
        assertThat(value("tpv", yesterday)).isEqualTo(new Value.Sum(0));
        assertThat(value("success_rate", yesterday)).isEqualTo(new Value.Ratio(0, 0));
        assertThat(value("success_rate", yesterday).value()).isEmpty();
        Value.Distribution latency = (Value.Distribution) value("latency", yesterday);
        assertThat(latency.count()).isZero();
        assertThat(latency.value()).isEmpty();
        assertThat(latency.quantile(0.99)).isEmpty();
        assertThat(value("payers", yesterday)).isEqualTo(new Value.Distinct(0, 0, 0));
        assertThat(value("readers", yesterday)).isEqualTo(new Value.Distinct(0, 0, 0));
        assertThat(value("followers", yesterday)).isEqualTo(new Value.Gauge(0, 0, false));
        assertThat(value("followers", yesterday).value()).isEmpty();
        Value.Funnel checkout = (Value.Funnel) value("checkout", yesterday);
        assertThat(checkout.steps()).allSatisfy(s -> {
            assertThat(s.reached()).isZero();
            assertThat(s.fromStart()).isEmpty();
        });
        assertThat(checkout.value()).isEmpty();
        Value.Retention retained = (Value.Retention) value("retained", yesterday);
        assertThat(retained.cohort()).isZero();
        assertThat(retained.offsets()).allSatisfy(o -> assertThat(o.rate()).isEmpty());
        assertThat(value("average_ticket", yesterday).value()).isEmpty();
    }

    @Test
    void groupedQueryOfAnEmptyWindowHasNoRows() {
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("d")
                .dimensions(Dimension.of("channel", Channel.class)).build());
        payments.increment(payments.series(Channel.QR_SCAN), at);

        QueryResult r = registry.query(Query.of(payments).window(yesterday).groupBy("channel"));

        assertThat(r.rows()).isEmpty();
        assertThat(registry.query(Query.of(payments).window(today).groupBy("channel")).groups())
                .containsExactly(Map.of("channel", "QR_SCAN"));
    }

    @Test
    void windowBeforeTheRetainedDaysIsEmptyAndSaysSo() {
        registry.register(MetricDefinition.count("payments").description("d").build());

        QueryResult r = registry.query(Query.of("payments").window(Window.day(Calendar.DAY.minusYears(3))));

        assertThat(r.value()).isEqualTo(new Value.Count(0));
        assertThat(r.coverage().complete()).isFalse();
        assertThat(r.coverage().notes()).anyMatch(n -> n.contains("retained days"));
    }
}
