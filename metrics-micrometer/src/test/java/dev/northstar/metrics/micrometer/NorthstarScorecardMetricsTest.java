package dev.northstar.metrics.micrometer;

import static dev.northstar.metrics.micrometer.Shop.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.northstar.metrics.micrometer.Shop.Channel;
import dev.northstar.metrics.micrometer.Shop.Region;
import dev.northstar.metrics.scorecard.NodeScore;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.scorecard.ScoringOptions;
import dev.northstar.metrics.scorecard.Status;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

class NorthstarScorecardMetricsTest {
    private final Shop shop = new Shop();
    private final MetricTree tree = shop.tree();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void twoDays() {
        shop.busyDay(DAY.minusDays(1), 40);
        shop.busyDay(DAY, 60);
    }

    @Test
    void everyNodeHasItsValuePriorAndChangeTaggedByTreeNodeAndRole() {
        NorthstarScorecardMetrics.builder(tree, shop.registry).refreshEvery(Duration.ZERO).build().bindTo(meters);
        Scorecard card = Scorecard.evaluate(tree, shop.registry, Window.day(DAY), Window.day(DAY.minusDays(1)),
                ScoringOptions.DEFAULTS.withTrendPeriods(0));

        for (NodeScore n : card.nodes()) {
            String role = n.role().name().toLowerCase(java.util.Locale.ROOT);
            assertThat(gauge("value", n.metric())).as(n.metric()).isEqualTo(orNaN(n.current().value()));
            assertThat(gauge("prior", n.metric())).as(n.metric()).isEqualTo(orNaN(n.prior().value()));
            assertThat(gauge("change", n.metric())).as(n.metric()).isEqualTo(orNaN(n.change().relative()));
            assertThat(meters.get("northstar.scorecard.value").tag("node", n.metric()).gauge().getId().getTags())
                    .containsExactlyInAnyOrder(Tag.of("tree", "gmv"), Tag.of("node", n.metric()), Tag.of("role", role));
        }
        assertThat(gauge("value", "orders")).isEqualTo(60);
        assertThat(gauge("change", "orders")).isEqualTo(0.5);
        assertThat(meters.find("northstar.scorecard.value").gauges()).hasSize(tree.nodes().size());
    }

    @Test
    void statusIsANumberAndABreachedGuardrailReadsOne() {
        NorthstarScorecardMetrics.builder(tree, shop.registry).refreshEvery(Duration.ZERO).build().bindTo(meters);

        // 48 of 60 paid today: 80% against a floor of 90%
        assertThat(gauge("status", "pay_success")).isEqualTo(3);
        assertThat(gauge("guardrail.breached", "pay_success")).isEqualTo(1);
        // GMV: the target is +5% on yesterday, and today has 1.5 times yesterday's paid orders
        assertThat(gauge("status", "gmv")).isZero();
        // nodes with neither a target nor a threshold have no status; only guardrails say breached
        assertThat(meters.find("northstar.scorecard.status").gauges()).hasSize(2);
        assertThat(meters.find("northstar.scorecard.guardrail.breached").gauges()).hasSize(1);

        for (int k = 0; k < 200; k++) {
            shop.order(Shop.millis(DAY, LocalTime.of(11, 0)) + k, Region.EAST, Channel.APP, 5, 1_000, true, 30);
        }
        assertThat(gauge("guardrail.breached", "pay_success")).isZero();
        assertThat(gauge("status", "pay_success")).isZero();
    }

    @Test
    void statusCodesGrowWithSeverity() {
        assertThat(Arrays.stream(new Status[] {Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.BREACHED})
                .mapToDouble(NorthstarScorecardMetrics::statusCode)).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(NorthstarScorecardMetrics.statusCode(Status.NO_DATA)).isEqualTo(-1);
        assertThat(NorthstarScorecardMetrics.statusCode(Status.UNSET)).isNaN();
    }

    @Test
    void aTrailingWindowIsComparedWithTheOneBefore() {
        shop.busyDay(DAY.minusDays(3), 20);
        shop.busyDay(DAY.minusDays(2), 30);
        NorthstarScorecardMetrics.builder(tree, shop.registry).refreshEvery(Duration.ZERO)
                .window(today -> Window.trailingDays(2, today)).build().bindTo(meters);

        assertThat(gauge("value", "orders")).isEqualTo(100);
        assertThat(gauge("prior", "orders")).isEqualTo(50);
        assertThat(gauge("change", "orders")).isEqualTo(1.0);
    }

    @Test
    void aFailedEvaluationNeverReachesTheScrapeAndTheMetersKeepTheLastOne() {
        AtomicBoolean broken = new AtomicBoolean();
        Queue<SubstituteLoggingEvent> log = new ConcurrentLinkedQueue<>();
        NorthstarScorecardMetrics binder = NorthstarScorecardMetrics.builder(tree, shop.registry)
                .refreshEvery(Duration.ZERO)
                .logger(new EventRecordingLogger(new SubstituteLogger("test", log, false), log))
                .comparison(w -> {
                    if (broken.get()) {
                        throw new IllegalStateException("no comparison today");
                    }
                    return w.previous();
                }).build();
        binder.bindTo(meters);
        broken.set(true);

        assertThatCode(() -> meters.getMeters().forEach(m -> m.measure().forEach(x -> x.getValue())))
                .doesNotThrowAnyException();
        assertThat(gauge("value", "orders")).isEqualTo(60);
        assertThat(binder.failures()).isPositive();
        assertThat(meters.get("northstar.scorecard.failures").tag("tree", "gmv").functionCounter().count())
                .isEqualTo(binder.failures());
        assertThat(log).hasSize(1);
        assertThat(log.peek().getThrowable()).hasMessage("no comparison today");
    }

    private double gauge(String name, String node) {
        Meter m = meters.get("northstar.scorecard." + name).tag("node", node).gauge();
        return m.measure().iterator().next().getValue();
    }

    private static double orNaN(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }
}
