package dev.northstar.metrics.micrometer;

import static dev.northstar.metrics.definition.Formula.ref;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.Mode;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.SumMetric;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import dev.northstar.metrics.tree.Target;
import dev.northstar.metrics.tree.Threshold;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small online shop for the bridge's tests: orders by region and channel, GMV, payment success
 * (a guardrail), checkout latency, buyers, open carts, average order value (derived) and a
 * checkout funnel; calendar days of Asia/Shanghai; a clock that moves only when a test moves it.
 */
final class Shop {
    enum Region { EAST, WEST }

    enum Channel { APP, WEB }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The day the tests are mostly in. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 18);

    private final AtomicLong now = new AtomicLong(millis(DAY, LocalTime.of(20, 0)));
    final EnumDimension<Region> region = Dimension.of("region", Region.class);
    final EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);
    final MetricRegistry registry = MetricRegistry.builder().zone(ZONE).mode(Mode.STRICT)
            .clock(() -> Instant.ofEpochMilli(now.get())).build();
    final CountMetric orders = registry.register(MetricDefinition.count("orders")
            .description("Orders placed").dimensions(region, channel).build());
    final SumMetric gmv = registry.register(MetricDefinition.sum("gmv").money("CNY")
            .description("Value of paid orders").dimensions(region).build());
    final RatioMetric paySuccess = registry.register(MetricDefinition.ratio("pay_success")
            .description("Paid orders / orders").dimensions(region).build());
    final DistributionMetric latency = registry.register(MetricDefinition.distribution("checkout_latency")
            .unit(Unit.MILLISECONDS).direction(Direction.LOWER_IS_BETTER)
            .description("Checkout latency").dimensions(region).build());
    final DistinctMetric buyers = registry.register(MetricDefinition.distinct("buyers")
            .description("Buyers with a paid order").build());
    final GaugeMetric openCarts = registry.register(MetricDefinition.gauge("open_carts").unit(Unit.ONE)
            .description("Carts not yet checked out").dimensions(region).build());

    Shop() {
        registry.register(MetricDefinition.derived("average_order", Formula.ratio(ref("gmv"), ref("orders")))
                .money("CNY").direction(Direction.NEUTRAL).description("GMV per order").build());
        registry.register(MetricDefinition.funnel("checkout_funnel", "cart", "paid")
                .description("Carts that were paid").build());
    }

    /** GMV = orders × average order; payment success at least 90%; GMV up 5% on the period before. */
    MetricTree tree() {
        return MetricTree.builder()
                .northStar("gmv")
                .core("orders").core("average_order")
                .supporting("buyers")
                .guardrail("pay_success", Threshold.atLeast(0.9))
                .formula("gmv", Formula.product(ref("orders"), ref("average_order")))
                .influence("gmv", "buyers", "pay_success")
                .target("gmv", Target.relativeChange(0.05))
                .build(registry);
    }

    /** Moves the clock to {@code time} of {@code day}. */
    void clockAt(LocalDate day, LocalTime time) {
        now.set(millis(day, time));
    }

    /** Moves the clock forward. */
    void advanceMillis(long millis) {
        now.addAndGet(millis);
    }

    static long millis(LocalDate day, LocalTime time) {
        return LocalDateTime.of(day, time).atZone(ZONE).toInstant().toEpochMilli();
    }

    /** One order at {@code atMillis}; a paid one feeds GMV and buyers. */
    void order(long atMillis, Region r, Channel c, long buyer, long amountFen, boolean paid, long latencyMs) {
        orders.increment(orders.series(r, c), atMillis);
        paySuccess.record(paySuccess.series(r), paid, atMillis);
        latency.record(latency.series(r), latencyMs, atMillis);
        if (paid) {
            gmv.add(gmv.series(r), amountFen, atMillis);
            buyers.add(buyers.series(), buyer, atMillis);
        }
    }

    /**
     * {@code count} orders on {@code day} from 09:00, a minute apart: regions and channels in
     * turn, seven buyers, every fifth order unpaid, amounts and latencies rising.
     */
    void busyDay(LocalDate day, int count) {
        for (int k = 0; k < count; k++) {
            order(millis(day, LocalTime.of(9, 0)) + k * 60_000L, Region.values()[k % 2],
                    Channel.values()[(k / 2) % 2], k % 7, 1_000 + 10L * k, k % 5 != 0, 20 + k);
            openCarts.set(openCarts.series(Region.values()[k % 2]), 100 - k, millis(day, LocalTime.of(9, 0)) + k * 60_000L);
        }
    }

    /** The value of {@code metric} over {@code window}, as a query gives it. */
    Value query(String metric, Window window) {
        return registry.query(Query.of(metric).window(window)).value();
    }
}
