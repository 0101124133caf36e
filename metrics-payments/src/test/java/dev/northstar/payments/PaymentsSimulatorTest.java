package dev.northstar.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.registry.MetricRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentsSimulatorTest {

    private static PaymentsSimulator.Config small(long seed) {
        return PaymentsSimulator.Config.defaults(seed).withDays(LocalDate.of(2026, 11, 9), 3).withPaymentsPerDay(6_000)
                .withIncidents(List.of(new Incident.BankOutage(LocalDate.of(2026, 11, 11), "east", "ICBC", 9, 13, 0.85),
                        new Incident.RedPacketSurge(LocalDate.of(2026, 11, 10), 5)));
    }

    private static MetricRegistry run(PaymentsSimulator.Config cfg, int threads) {
        Instant end = cfg.lastDay().plusDays(1).atStartOfDay(cfg.zone()).toInstant();
        MetricRegistry registry = MetricRegistry.builder().zone(cfg.zone()).clock(() -> end).build();
        PaymentsRecorder recorder = PaymentsCatalog.create("CNY").register(registry);
        new PaymentsSimulator(cfg).run(recorder, threads);
        return registry;
    }

    @Test
    void sameSeedGivesIdenticalMetricsWhateverTheThreadCount() {
        MetricRegistry one = run(small(42), 1);
        MetricRegistry three = run(small(42), 3);

        assertThat(PaymentsRecorderTest.updates(three.snapshot()))
                .isEqualTo(PaymentsRecorderTest.updates(one.snapshot()));
        assertThat(three.snapshot().metrics().get("gmv")).isEqualTo(one.snapshot().metrics().get("gmv"));
    }

    @Test
    void anotherSeedGivesOtherTraffic() {
        assertThat(PaymentsRecorderTest.updates(run(small(43), 2).snapshot()))
                .isNotEqualTo(PaymentsRecorderTest.updates(run(small(42), 2).snapshot()));
    }

    @Test
    void nothingIsRefused() {
        MetricRegistry registry = run(small(7), 2);
        assertThat(registry.health().totalRefused()).isZero();
        assertThat(registry.health().foldedByDimension()).allSatisfy((dim, folded) -> assertThat(folded).isZero());
    }
}
