package dev.northstar.metrics.report;

import static dev.northstar.metrics.testing.PaymentsWorld.PRIOR_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.THIS_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.testing.PaymentsWorld.Channel;
import dev.northstar.metrics.testing.PaymentsWorld.Region;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class Slf4jReporterTest {
    private final PaymentsWorld world = new PaymentsWorld();
    private final RecordingLogger log = new RecordingLogger();

    private Supplier<Scorecard> card() {
        return () -> Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK);
    }

    private void fraudWave() {
        world.week(PRIOR_WEEK, 50, 700, 1_000, Region.EAST, Channel.QR);
        world.week(WEEK, 50, 700, 1_000, Region.EAST, Channel.QR);
        for (int i = 0; i < 30; i++) {
            world.fraudRate.record(world.fraudRate.series(), true, at(WEEK, i));
        }
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void logsTheSummaryAtInfoAndEachBreachedGuardrailAtWarn() {
        fraudWave();
        Slf4jReporter reporter = Slf4jReporter.builder(card()).logger(log).build();

        reporter.report();

        assertThat(log.at(Level.INFO)).singleElement().extracting(RecordingLogger.Line::message)
                .asString().startsWith("scorecard tpv over 2026-W47 vs 2026-W46: tpv=700000 (+0.00%) ")
                .contains("nodes: ").contains("1 breached");
        assertThat(log.at(Level.WARN)).singleElement().extracting(RecordingLogger.Line::message)
                .asString().startsWith("guardrail fraud_rate BREACHED: observed 0.04")
                .endsWith("limit AT_MOST 0.01");
    }

    @Test
    void logsNoWarningWhenNoGuardrailIsBreached() {
        world.week(PRIOR_WEEK, 50, 700, 1_000, Region.EAST, Channel.QR);
        world.week(WEEK, 50, 700, 1_000, Region.EAST, Channel.QR);
        Slf4jReporter reporter = Slf4jReporter.builder(card()).logger(log).build();

        reporter.report();

        assertThat(log.at(Level.INFO)).hasSize(1);
        assertThat(log.at(Level.WARN)).isEmpty();
    }

    @Test
    void reportsOnItsOwnDaemonThreadEveryPeriodAndTheThreadIsGoneAfterStop() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Scorecard> counting = () -> {
            calls.incrementAndGet();
            assertThat(Thread.currentThread().getName()).isEqualTo("ns-reporter-test");
            assertThat(Thread.currentThread().isDaemon()).isTrue();
            return card().get();
        };
        Slf4jReporter reporter = Slf4jReporter.builder(counting).logger(log).period(20, TimeUnit.MILLISECONDS)
                .threadName("ns-reporter-test").build();

        reporter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(threadAlive("ns-reporter-test")).isTrue();
        reporter.stop();

        assertThat(calls.get()).isGreaterThanOrEqualTo(3);
        assertThat(reporter.failures()).isZero();
        assertThat(reporter.isRunning()).isFalse();
        assertThat(threadAlive("ns-reporter-test")).isFalse();
        int after = calls.get();
        Thread.sleep(60);
        assertThat(calls.get()).as("no report after stop").isEqualTo(after);
    }

    @Test
    void stopReturnsPromptlyWithALongPeriod() {
        Slf4jReporter reporter = Slf4jReporter.builder(card()).logger(log).period(Duration.ofHours(1))
                .threadName("ns-reporter-idle").build();
        reporter.start();
        long t0 = System.nanoTime();

        reporter.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(threadAlive("ns-reporter-idle")).isFalse();
        assertThat(reporter.reports()).isZero();
    }

    @Test
    void aSupplierThatThrowsCostsOneReportAndIsLoggedAtWarnNeverThrown() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Supplier<Scorecard> flaky = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
            return card().get();
        };
        Slf4jReporter reporter = Slf4jReporter.builder(flaky).logger(log).period(Duration.ofMillis(10)).build();

        reporter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.at(Level.INFO).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        reporter.stop();

        assertThat(reporter.failures()).isEqualTo(1);
        assertThat(log.at(Level.WARN)).first().satisfies(l -> {
            assertThat(l.message()).contains("report failed");
            assertThat(l.thrown()).hasMessage("boom");
        });
        assertThat(log.at(Level.INFO)).isNotEmpty();
    }

    @Test
    void aBrokenLoggerOrANullScorecardIsCountedNotThrown() {
        Slf4jReporter nulls = Slf4jReporter.builder(() -> null).logger(log).build();
        nulls.report();
        assertThat(nulls.failures()).isEqualTo(1);
        assertThat(log.at(Level.WARN)).singleElement().satisfies(l -> assertThat(l.thrown())
                .hasMessageContaining("returned null"));

        log.broken = true;
        Slf4jReporter broken = Slf4jReporter.builder(card()).logger(log).build();
        broken.report();
        assertThat(broken.failures()).isEqualTo(1);
    }

    @Test
    void startAndStopAreIdempotentAndAStoppedReporterDoesNotRestart() {
        Slf4jReporter reporter = Slf4jReporter.builder(card()).logger(log).threadName("ns-reporter-twice").build();
        reporter.start();
        reporter.start();
        assertThat(Arrays.stream(Thread.getAllStackTraces().keySet().toArray(new Thread[0]))
                .filter(t -> t.getName().equals("ns-reporter-twice")).count()).isEqualTo(1);
        reporter.close();
        reporter.start();
        assertThat(reporter.isRunning()).isFalse();
        assertThat(threadAlive("ns-reporter-twice")).isFalse();
    }

    @Test
    void aReporterStoppedBeforeItStartedNeverStarts() {
        Slf4jReporter reporter = Slf4jReporter.builder(card()).logger(log).threadName("ns-reporter-never").build();
        reporter.stop();
        reporter.start();

        assertThat(reporter.isRunning()).isFalse();
        assertThat(threadAlive("ns-reporter-never")).isFalse();
    }

    @Test
    void refusesANonPositivePeriod() {
        assertThatThrownBy(() -> Slf4jReporter.builder(card()).period(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> Slf4jReporter.builder(card()).period(-1, TimeUnit.SECONDS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
