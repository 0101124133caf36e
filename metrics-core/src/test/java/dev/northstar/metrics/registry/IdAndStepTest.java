package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Null ids and funnel steps outside the funnel. */
class IdAndStepTest {
    private final ManualClock clock = new ManualClock(Calendar.at(12, 30));
    private final MetricRegistry registry = Calendar.registry(clock);
    private final long at = Calendar.millis(12, 0);

    private Value today(Metric metric) {
        return registry.query(Query.of(metric).window(Window.day(Calendar.DAY))).value();
    }

    @Test
    void refusesNullIdAndCountsIt() {
        DistinctMetric payers = registry.register(MetricDefinition.distinct("payers").description("d").build());

        payers.add(payers.series(), (CharSequence) null, at);
        payers.add(payers.series(), (CharSequence) null);

        assertThat(registry.health().refused(RefusalReason.NULL_ID)).isEqualTo(2);
        assertThat(((Value.Distinct) today(payers)).estimate()).isZero();
    }

    @ParameterizedTest(name = "set operations: {0}")
    @ValueSource(booleans = {false, true})
    void countsATextualIdOnceWhateverItsCharSequenceTypeAndOverload(boolean setOperations) {
        // HLL cells by default, Theta cells with set operations: the record dispatches on which.
        MetricDefinition.Builder<DistinctMetric> definition = MetricDefinition.distinct("payers").description("d");
        DistinctMetric payers = registry.register((setOperations ? definition.setOperations() : definition).build());

        payers.add(payers.series(), "payer-1", at);
        payers.add(payers.series(), new StringBuilder("payer-1"));
        payers.add(registry.bucketAt(at), payers.series(), "payer-1");
        payers.add(payers.series(), "payer-2", at);
        payers.add(registry.bucketAt(at), payers.series(), 3L);
        payers.add(payers.series(), 3L);

        assertThat(((Value.Distinct) today(payers)).estimate()).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void refusesUnknownFunnelStepAndCountsIt() {
        FunnelMetric checkout = registry.register(MetricDefinition.funnel("checkout", "visit", "pay")
                .description("Visit, then pay").build());

        checkout.step(checkout.series(), 2, 7L, at);
        checkout.step(checkout.series(), checkout.stepIndex("refund"), 7L, at);
        checkout.step(checkout.series(), checkout.stepIndex("visit"), 7L, at);

        assertThat(checkout.stepIndex("refund")).isEqualTo(-1);
        assertThat(registry.health().refused(RefusalReason.UNKNOWN_STEP)).isEqualTo(2);
        Value.Funnel f = (Value.Funnel) today(checkout);
        assertThat(f.steps().get(0).reached()).isEqualTo(1.0);
        assertThat(f.steps().get(1).reached()).isZero();
    }
}
