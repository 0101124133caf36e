package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.Channel;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import org.junit.jupiter.api.Test;

class RegistrationTest {
    private final MetricRegistry registry = Calendar.registry(new ManualClock(Calendar.at(12, 0)));

    private static MetricDefinition<CountMetric> payments(String description) {
        return MetricDefinition.count("payments").description(description)
                .dimensions(Dimension.of("channel", Channel.class)).build();
    }

    @Test
    void returnsTheSameHandleForTheSameDefinitionRegisteredTwice() {
        CountMetric first = registry.register(payments("Successful payments"));
        CountMetric again = registry.register(payments("Successful payments"));

        assertThat(again).isSameAs(first);
        assertThat(registry.definitions()).hasSize(1);
    }

    @Test
    void failsAtStartUpOnAConflictingDefinitionOfTheSameName() {
        registry.register(payments("Successful payments"));

        assertThatThrownBy(() -> registry.register(payments("Payment attempts")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metric payments is already registered with a different definition");
        assertThatThrownBy(() -> registry.register(MetricDefinition.sum("payments").money("CNY")
                .description("Successful payments").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payments");
        assertThat(registry.definitions()).containsExactly(payments("Successful payments"));
    }

    @Test
    void failsAtStartUpOnADerivedMetricOverAnUnregisteredOne() {
        assertThatThrownBy(() -> registry.register(MetricDefinition.derived("average_ticket",
                Formula.ratio(Formula.ref("tpv"), Formula.ref("payments"))).unit(Unit.ONE)
                .description("TPV per payment").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("average_ticket").hasMessageContaining("tpv");
    }

    @Test
    void failsAtStartUpWhenTheRegistryIsFull() {
        MetricRegistry small = MetricRegistry.builder().maxMetrics(1).build();
        small.register(payments("Successful payments"));

        assertThatThrownBy(() -> small.register(MetricDefinition.count("refunds").description("Refunds").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full");
    }

    @Test
    void findsAHandleByName() {
        CountMetric payments = registry.register(payments("Successful payments"));

        assertThat(registry.metric("payments")).containsSame(payments);
        assertThat(registry.metric("refunds")).isEmpty();
    }
}
