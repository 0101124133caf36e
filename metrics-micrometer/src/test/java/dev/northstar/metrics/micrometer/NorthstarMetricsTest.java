package dev.northstar.metrics.micrometer;

import static dev.northstar.metrics.micrometer.Shop.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.micrometer.Shop.Channel;
import dev.northstar.metrics.micrometer.Shop.Region;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Window;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.SubstituteLogger;

class NorthstarMetricsTest {
    private final Shop shop = new Shop();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private NorthstarMetrics.Builder binder() {
        return NorthstarMetrics.builder(shop.registry).refreshEvery(Duration.ZERO);
    }

    @Test
    void countsAndSumsAreFunctionCountersEqualToTodaysQuery() {
        shop.busyDay(DAY.minusDays(1), 30);
        shop.busyDay(DAY, 60);
        binder().build().bindTo(meters);

        FunctionCounter orders = meters.get("northstar.orders").functionCounter();
        FunctionCounter gmv = meters.get("northstar.gmv").functionCounter();

        assertThat(orders.count()).isEqualTo(60).isEqualTo(total(shop.query("orders", Window.day(DAY))));
        assertThat(gmv.count()).isEqualTo(total(shop.query("gmv", Window.day(DAY))));
        assertThat(gmv.getId().getDescription()).isEqualTo("Value of paid orders (CNY minor units)");
        assertThat(orders.getId().getTags()).isEmpty();
    }

    @Test
    void aRatioIsAGaugeWithNumeratorAndDenominatorCounters() {
        shop.busyDay(DAY, 60);
        binder().build().bindTo(meters);

        Value.Ratio r = (Value.Ratio) shop.query("pay_success", Window.day(DAY));

        assertThat(meters.get("northstar.pay_success").gauge().value()).isEqualTo(48.0 / 60)
                .isEqualTo(r.value().getAsDouble());
        assertThat(meters.get("northstar.pay_success.numerator").functionCounter().count()).isEqualTo(r.numerator());
        assertThat(meters.get("northstar.pay_success.denominator").functionCounter().count()).isEqualTo(60);
    }

    @Test
    void aDistributionIsAGaugePerQuantileTaggedQuantileAndASampleCounter() {
        shop.busyDay(DAY, 60);
        binder().quantiles(0.5, 0.99).build().bindTo(meters);

        Value.Distribution d = (Value.Distribution) shop.registry.query(Query.of("checkout_latency")
                .window(Window.day(DAY)).quantiles(0.5, 0.99)).value();
        Gauge p99 = meters.get("northstar.checkout_latency").tag("quantile", "0.99").gauge();

        assertThat(p99.value()).isEqualTo(d.quantile(0.99).getAsDouble()).isEqualTo(79);
        assertThat(p99.getId().getBaseUnit()).isEqualTo("milliseconds");
        assertThat(meters.get("northstar.checkout_latency").tag("quantile", "0.5").gauge().value())
                .isEqualTo(d.quantile(0.5).getAsDouble());
        assertThat(meters.find("northstar.checkout_latency").gauges()).hasSize(2);
        assertThat(meters.get("northstar.checkout_latency.count").functionCounter().count()).isEqualTo(60);
    }

    @Test
    void distinctCountsLevelsAndDerivedValuesAreGaugesOverTheChosenWindow() {
        shop.busyDay(DAY.minusDays(3), 20);
        shop.busyDay(DAY, 10);
        Function<LocalDate, Window> week = today -> Window.trailingDays(7, today);
        binder().window(week).build().bindTo(meters);

        Window w = Window.trailingDays(7, DAY);

        assertThat(meters.get("northstar.buyers").gauge().value())
                .isEqualTo(shop.query("buyers", w).value().getAsDouble()).isCloseTo(7, within(1e-3));
        assertThat(meters.get("northstar.average_order").gauge().value())
                .isEqualTo(shop.query("average_order", w).value().getAsDouble());
        assertThat(meters.get("northstar.open_carts").gauge().value())
                .isEqualTo(shop.query("open_carts", w).value().getAsDouble());
        // counters still count by calendar day, whatever window the gauges read
        assertThat(meters.get("northstar.orders").functionCounter().count()).isEqualTo(10);
    }

    @Test
    void groupByTurnsDimensionsIntoTagsOnTheMetricsThatHaveThem() {
        shop.busyDay(DAY, 60);
        binder().groupBy("region").tags("service", "shop").build().bindTo(meters);

        for (Region r : Region.values()) {
            FunctionCounter c = meters.get("northstar.orders").tags("region", r.name(), "service", "shop")
                    .functionCounter();
            assertThat(c.count()).isEqualTo(total(shop.registry.query(Query.of("orders").window(Window.day(DAY))
                    .where("region", r)).value())).isEqualTo(30);
            assertThat(c.getId().getTags()).containsExactlyInAnyOrder(Tag.of("region", r.name()),
                    Tag.of("service", "shop"));
        }
        assertThat(meters.find("northstar.orders").functionCounters()).hasSize(2);
        assertThat(meters.get("northstar.buyers").gauge().getId().getTags()).containsExactly(Tag.of("service", "shop"));
        assertThat(meters.get("northstar.checkout_latency").tags("region", "WEST", "quantile", "0.9").gauge().value())
                .isEqualTo(((Value.Distribution) shop.registry.query(Query.of("checkout_latency")
                        .window(Window.day(DAY)).where("region", Region.WEST)).value()).quantile(0.9).getAsDouble());
    }

    @Test
    void byDefaultEveryExposedMetricIsBoundAndFunnelsAreLeftOut() {
        NorthstarMetrics all = binder().build();
        all.bindTo(meters);

        assertThat(all.metrics()).containsExactly("orders", "gmv", "pay_success", "checkout_latency", "buyers",
                "open_carts", "average_order");
        assertThat(meters.getMeters()).extracting(m -> m.getId().getName()).doesNotContain("northstar.checkout_funnel")
                .contains("northstar.meters.failures");
    }

    @Test
    void anEmptyDayGivesZeroCountersAndNaNGauges() {
        binder().build().bindTo(meters);

        assertThat(meters.get("northstar.orders").functionCounter().count()).isZero();
        assertThat(meters.get("northstar.pay_success").gauge().value()).isNaN();
        assertThat(meters.get("northstar.checkout_latency").tag("quantile", "0.99").gauge().value()).isNaN();
        assertThat(meters.get("northstar.buyers").gauge().value()).isZero();
    }

    /**
     * The rollover: a counter carries the day's full total, including what was recorded after the
     * day's last scrape, so it never falls (a fall would be a counter reset to Prometheus and a
     * negative count to a step registry); gauges over "today" start again.
     */
    @Test
    void atMidnightCountersCarryTheEndedDaysFullTotalWhileTodaysGaugesStartAgain() {
        shop.busyDay(DAY, 60);
        binder().build().bindTo(meters);
        FunctionCounter orders = meters.get("northstar.orders").functionCounter();
        FunctionCounter paid = meters.get("northstar.pay_success.numerator").functionCounter();
        Gauge rate = meters.get("northstar.pay_success").gauge();
        shop.clockAt(DAY, LocalTime.of(23, 50));
        assertThat(orders.count()).isEqualTo(60);
        assertThat(rate.value()).isEqualTo(0.8);

        // three paid orders after the day's last scrape, then midnight, then one unpaid and one paid order
        shop.clockAt(DAY, LocalTime.of(23, 58));
        for (int k = 0; k < 3; k++) {
            shop.order(Shop.millis(DAY, LocalTime.of(23, 55, k)), Region.EAST, Channel.APP, 100 + k, 500, true, 30);
        }
        LocalDate next = DAY.plusDays(1);
        shop.clockAt(next, LocalTime.of(0, 5));
        shop.order(Shop.millis(next, LocalTime.of(0, 1)), Region.WEST, Channel.WEB, 200, 700, false, 40);
        shop.order(Shop.millis(next, LocalTime.of(0, 2)), Region.WEST, Channel.WEB, 201, 700, true, 40);

        assertThat(orders.count()).isEqualTo(63 + 2);
        assertThat(paid.count()).isEqualTo(48 + 3 + 1);
        assertThat(rate.value()).isEqualTo(0.5).isEqualTo(shop.query("pay_success", Window.day(next)).value().getAsDouble());
        assertThat(meters.get("northstar.buyers").gauge().value()).isEqualTo(1);

        // a second midnight with nothing recorded: the counters hold
        shop.clockAt(next.plusDays(1), LocalTime.of(8, 0));
        assertThat(orders.count()).isEqualTo(65);
        assertThat(rate.value()).isNaN();
    }

    @Test
    void aClockSetBackHoldsTheCountersInsteadOfLoweringThem() {
        shop.busyDay(DAY.minusDays(1), 50);
        shop.busyDay(DAY, 10);
        binder().build().bindTo(meters);
        FunctionCounter orders = meters.get("northstar.orders").functionCounter();
        assertThat(orders.count()).isEqualTo(10);

        shop.clockAt(DAY.minusDays(1), LocalTime.of(22, 0));

        assertThat(orders.count()).isEqualTo(10);
        shop.clockAt(DAY, LocalTime.of(22, 0));
        assertThat(orders.count()).isEqualTo(10);
    }

    @Test
    void aSeriesFirstRecordedAfterBindingGetsItsMetersAtTheNextRefresh() {
        shop.order(Shop.millis(DAY, LocalTime.of(10, 0)), Region.EAST, Channel.APP, 1, 900, true, 25);
        binder().groupBy("region").build().bindTo(meters);
        assertThat(meters.find("northstar.orders").functionCounters()).hasSize(1);

        shop.order(Shop.millis(DAY, LocalTime.of(10, 1)), Region.WEST, Channel.APP, 2, 800, true, 25);
        meters.get("northstar.orders").tag("region", "EAST").functionCounter().count();   // a scrape

        assertThat(meters.get("northstar.orders").tag("region", "WEST").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("northstar.gmv").tag("region", "WEST").functionCounter().count()).isEqualTo(800);
    }

    @Test
    void oneScrapeIsOneRefreshHoweverManyMetersItReads() {
        shop.busyDay(DAY, 60);
        AtomicInteger refreshes = new AtomicInteger();
        NorthstarMetrics.builder(shop.registry).groupBy("region", "channel")
                .window(today -> {
                    refreshes.incrementAndGet();
                    return Window.day(today);
                }).build().bindTo(meters);
        assertThat(refreshes).hasValue(1);
        assertThat(meters.getMeters()).hasSize(27);

        scrape();
        assertThat(refreshes).hasValue(1);   // within a second of the bind: its reading serves
        shop.advanceMillis(1_000);
        scrape();
        scrape();
        assertThat(refreshes).hasValue(2);
    }

    @Test
    void aBinderCanServeSeveralMeterRegistries() {
        shop.busyDay(DAY, 20);
        NorthstarMetrics binder = binder().groupBy("region").build();
        binder.bindTo(meters);
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        binder.bindTo(other);

        assertThat(other.getMeters()).hasSameSizeAs(meters.getMeters());
        assertThat(other.get("northstar.orders").tag("region", "WEST").functionCounter().count()).isEqualTo(10);
    }

    @Test
    void anUnknownMetricIsRefusedWhenTheBinderIsBuiltNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> binder().metrics("orders", "revenue").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no metric named revenue is registered")
                .hasMessageContaining("registered: orders, gmv, pay_success");
    }

    @Test
    void otherBadConfigurationIsRefusedWhenTheBinderIsBuilt() {
        shop.registry.register(MetricDefinition.distribution("queue_wait").unit(Unit.MILLISECONDS)
                .description("Wait").dimensions(Dimension.open("quantile", 3)).build());

        assertThatThrownBy(() -> binder().metrics("checkout_funnel").build())
                .hasMessageContaining("checkout_funnel is a funnel metric");
        assertThatThrownBy(() -> binder().metrics("buyers").groupBy("region").build())
                .hasMessageContaining("no metric bound has a dimension named region");
        assertThatThrownBy(() -> binder().groupBy("region").tags("region", "x").build())
                .hasMessageContaining("would repeat the extra tag region");
        assertThatThrownBy(() -> binder().metrics("queue_wait").groupBy("quantile").build())
                .hasMessageContaining("queue_wait is grouped by a dimension named quantile");
        assertThatThrownBy(() -> binder().quantiles(0.5, 1.5).build()).hasMessageContaining("1.5");
        assertThatThrownBy(() -> binder().refreshEvery(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingRefreshNeverReachesTheScrapeIsCountedLoggedOnceAndRecoveredFrom() {
        shop.busyDay(DAY, 60);
        AtomicBoolean broken = new AtomicBoolean();
        Queue<SubstituteLoggingEvent> log = new ConcurrentLinkedQueue<>();
        NorthstarMetrics binder = binder().logger(new EventRecordingLogger(new SubstituteLogger("test", log, false), log))
                .window(today -> {
                    if (broken.get()) {
                        throw new IllegalStateException("window service down");
                    }
                    return Window.day(today);
                }).build();
        binder.bindTo(meters);

        broken.set(true);
        shop.order(Shop.millis(DAY, LocalTime.of(19, 0)), Region.EAST, Channel.APP, 1, 900, true, 25);
        assertThatCode(this::scrape).doesNotThrowAnyException();
        assertThat(meters.get("northstar.orders").functionCounter().count()).isEqualTo(60);   // the last reading
        assertThat(meters.get("northstar.pay_success").gauge().value()).isEqualTo(0.8);
        assertThat(binder.failures()).isPositive();
        assertThat(meters.get("northstar.meters.failures").functionCounter().count()).isEqualTo(binder.failures());
        assertThat(log).hasSize(1);
        SubstituteLoggingEvent warning = log.peek();
        assertThat(warning.getLevel()).isEqualTo(Level.WARN);
        assertThat(warning.getThrowable()).hasMessage("window service down");

        broken.set(false);
        assertThat(meters.get("northstar.orders").functionCounter().count()).isEqualTo(61);
    }

    @Test
    void aMeterRegistryRefusingAMeterIsTheHostsToSeeAtBindTimeAndCountedDuringAScrape() {
        shop.order(Shop.millis(DAY, LocalTime.of(10, 0)), Region.EAST, Channel.APP, 1, 900, true, 25);
        meters.gauge("northstar.orders", List.of(Tag.of("region", "WEST")), 7);   // the host's own, another type
        NorthstarMetrics binder = binder().groupBy("region").build();
        binder.bindTo(meters);

        shop.order(Shop.millis(DAY, LocalTime.of(10, 1)), Region.WEST, Channel.APP, 2, 800, true, 25);
        assertThatCode(() -> meters.get("northstar.orders").tag("region", "EAST").functionCounter().count())
                .doesNotThrowAnyException();   // one poll: one refresh, one registration round
        assertThat(binder.failures()).isEqualTo(1);
        assertThat(meters.get("northstar.gmv").tag("region", "WEST").functionCounter().count()).isEqualTo(800);

        SimpleMeterRegistry other = new SimpleMeterRegistry();
        other.gauge("northstar.orders", List.of(Tag.of("region", "EAST")), 7);
        assertThatThrownBy(() -> binder().groupBy("region").build().bindTo(other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("northstar.orders");
    }

    private void scrape() {
        for (Meter m : meters.getMeters()) {
            m.measure().forEach(x -> x.getValue());
        }
    }

    private static double total(Value v) {
        return v.value().orElseThrow();
    }
}
