package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Window;
import org.junit.jupiter.api.Test;

/** Negative, absurd and overflowing amounts: refused, counted by reason, and nothing recorded. */
class AmountRefusalTest {
    private final ManualClock clock = new ManualClock(Calendar.at(12, 30));
    private final MetricRegistry registry = Calendar.registry(clock);
    private final long at = Calendar.millis(12, 0);

    private Value today(String metric) {
        return registry.query(Query.of(metric).window(Window.day(Calendar.DAY))).value();
    }

    private long refused(RefusalReason reason) {
        return registry.health().refused(reason);
    }

    @Test
    void refusesNegativeAmountAndCountsIt() {
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").description("TPV").build());

        tpv.add(tpv.series(), -1, at);
        tpv.add(tpv.series(), 250, at);

        assertThat(refused(RefusalReason.NEGATIVE_VALUE)).isEqualTo(1);
        assertThat(today("tpv")).isEqualTo(new Value.Sum(250));
    }

    @Test
    void refusesNegativeCountIncrementAndCountsIt() {
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("Payments").build());

        payments.add(payments.series(), -3, at);
        payments.bind().add(-1, at);

        assertThat(refused(RefusalReason.NEGATIVE_VALUE)).isEqualTo(2);
        assertThat(today("payments")).isEqualTo(new Value.Count(0));
    }

    @Test
    void refusesNegativeRatioPartAndCountsIt() {
        RatioMetric rate = registry.register(MetricDefinition.ratio("take_rate").description("Fee / TPV").build());

        rate.record(rate.series(), -1, 10, at);
        rate.record(rate.series(), 1, -10, at);

        assertThat(refused(RefusalReason.NEGATIVE_VALUE)).isEqualTo(2);
        assertThat(today("take_rate")).isEqualTo(new Value.Ratio(0, 0));
    }

    @Test
    void refusesNegativeDurationAndCountsIt() {
        DistributionMetric latency = registry.register(MetricDefinition.distribution("latency")
                .unit(Unit.MICROSECONDS).description("Authorization latency").build());

        latency.record(latency.series(), -5, at);

        assertThat(refused(RefusalReason.NEGATIVE_VALUE)).isEqualTo(1);
        assertThat(((Value.Distribution) today("latency")).count()).isZero();
    }

    @Test
    void refusesAbsurdAmountAboveMaxValueAndCountsIt() {
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").maxValue(1_000_000)
                .description("TPV").build());

        tpv.add(tpv.series(), 1_000_001, at);
        tpv.add(tpv.series(), 1_000_000, at);

        assertThat(refused(RefusalReason.VALUE_TOO_LARGE)).isEqualTo(1);
        assertThat(today("tpv")).isEqualTo(new Value.Sum(1_000_000));
    }

    @Test
    void refusesAbsurdAmountAboveTheDefaultMaxValue() {
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").description("TPV").build());

        tpv.add(tpv.series(), MetricDefinition.DEFAULT_MAX_VALUE + 1, at);
        tpv.add(tpv.series(), Long.MAX_VALUE, at);

        assertThat(refused(RefusalReason.VALUE_TOO_LARGE)).isEqualTo(2);
        assertThat(today("tpv")).isEqualTo(new Value.Sum(0));
    }

    @Test
    void refusesAbsurdRatioPartAndCountsIt() {
        RatioMetric rate = registry.register(MetricDefinition.ratio("take_rate").maxValue(100)
                .description("Fee / TPV").build());

        rate.record(rate.series(), 1, 101, at);

        assertThat(refused(RefusalReason.VALUE_TOO_LARGE)).isEqualTo(1);
        assertThat(today("take_rate")).isEqualTo(new Value.Ratio(0, 0));
    }

    @Test
    void refusesDurationBeyondTheHistogramsRangeInsteadOfThrowing() {
        DistributionMetric latency = registry.register(MetricDefinition.distribution("latency")
                .unit(Unit.MICROSECONDS).description("Authorization latency").build());

        latency.record(latency.series(), 60_000_001, at); // just past one minute
        latency.record(latency.series(), 60_000_000, at);

        assertThat(refused(RefusalReason.VALUE_TOO_LARGE)).isEqualTo(1);
        assertThat(((Value.Distribution) today("latency")).count()).isEqualTo(1);
    }

    @Test
    void refusesAdditionThatWouldOverflowTheCounterAndKeepsTheTotal() {
        CountMetric payments = registry.register(MetricDefinition.count("payments").maxValue(Long.MAX_VALUE)
                .description("Payments").build());

        payments.add(payments.series(), Long.MAX_VALUE, at);
        payments.increment(payments.series(), at);

        assertThat(refused(RefusalReason.OVERFLOW)).isEqualTo(1);
        assertThat(today("payments")).isEqualTo(new Value.Count(Long.MAX_VALUE));
    }

    @Test
    void refusesSumThatWouldOverflowAndKeepsTheTotal() {
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").maxValue(Long.MAX_VALUE)
                .description("TPV").build());

        tpv.add(tpv.series(), Long.MAX_VALUE - 1, at);
        tpv.add(tpv.series(), 1, at);
        tpv.add(tpv.series(), 1, at);

        assertThat(refused(RefusalReason.OVERFLOW)).isEqualTo(1);
        assertThat(today("tpv")).isEqualTo(new Value.Sum(Long.MAX_VALUE));
    }

    @Test
    void refusesRatioWhoseDenominatorWouldOverflowWithoutTouchingTheNumerator() {
        RatioMetric rate = registry.register(MetricDefinition.ratio("success_rate").maxValue(Long.MAX_VALUE)
                .description("Successes / attempts").build());

        rate.record(rate.series(), 0, Long.MAX_VALUE, at);
        rate.record(rate.series(), true, at);

        assertThat(refused(RefusalReason.OVERFLOW)).isEqualTo(1);
        assertThat(today("success_rate")).isEqualTo(new Value.Ratio(0, Long.MAX_VALUE));
    }

    @Test
    void acceptsANegativeLevelBecauseABalanceMayBeNegative() {
        GaugeMetric balance = registry.register(MetricDefinition.gauge("balance").description("Balance").build());

        balance.set(balance.series(), -42, at);

        assertThat(registry.health().totalRefused()).isZero();
        assertThat(today("balance").value()).hasValue(-42);
    }
}
