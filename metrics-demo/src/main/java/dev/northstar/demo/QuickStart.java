package dev.northstar.demo;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.SumMetric;
import dev.northstar.metrics.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The quick start of the README, runnable: records two weeks of payments in an
 * {@code Asia/Shanghai} registry and asks how the last week did against the one before.
 */
public final class QuickStart {

    /** Payment channels. */
    enum Channel { QR_SCAN, IN_APP, MINI_PROGRAM }

    private QuickStart() {
    }

    public static void main(String[] args) {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate lastDay = LocalDate.of(2026, 11, 15);                         // a Sunday
        Instant end = lastDay.plusDays(1).atStartOfDay(shanghai).toInstant();
        MetricRegistry registry = MetricRegistry.builder()
                .zone(shanghai)
                .clock(() -> end)                                              // a fixed clock: reproducible
                .build();

        EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);
        OpenDimension region = Dimension.open("region", 32);
        CountMetric payments = registry.register(MetricDefinition.count("payments")
                .description("Successful payments").dimensions(region, channel).build());
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY")
                .description("Value of successful payments, in fen").dimensions(region, channel).build());
        RatioMetric successRate = registry.register(MetricDefinition.ratio("success_rate")
                .description("Successful payments / attempts").dimensions(region, channel).build());
        DistributionMetric latency = registry.register(MetricDefinition.distribution("latency")
                .unit(Unit.MICROSECONDS).direction(Direction.LOWER_IS_BETTER)
                .description("Authorization latency").dimensions(channel).build());
        DistinctMetric payers = registry.register(MetricDefinition.distinct("active_payers")
                .description("Payers with a successful payment").build());

        SplittableRandom random = new SplittableRandom(7);
        String[] regions = {"east", "north", "south", "west"};
        Instant start = end.minus(Duration.ofDays(14));
        int events = 200_000;
        for (int i = 0; i < events; i++) {
            long at = start.toEpochMilli() + random.nextLong(Duration.ofDays(14).toMillis());
            String r = regions[random.nextInt(regions.length)];
            Channel c = Channel.values()[random.nextInt(3)];
            boolean lastWeek = at >= end.minus(Duration.ofDays(7)).toEpochMilli();
            boolean ok = random.nextDouble() < (lastWeek && r.equals("east") ? 0.90 : 0.97);
            int series = successRate.series(r, c);
            successRate.record(series, ok, at);
            latency.record(latency.series(c), 80_000 + random.nextLong(400_000), at);
            if (ok) {
                payments.increment(payments.series(r, c), at);
                tpv.add(tpv.series(r, c), 100 + random.nextLong(20_000), at);
                payers.add(payers.series(), random.nextLong(50_000), at);
            }
        }

        Window week = Window.isoWeek(lastDay);
        System.out.printf("Recorded %,d payment attempts over 14 days (zone %s)%n%n", events, shanghai);
        for (String metric : new String[] {"payments", "tpv", "success_rate", "latency", "active_payers"}) {
            double now = registry.query(Query.of(metric).window(week)).value().value().orElse(0);
            double before = registry.query(Query.of(metric).window(week.previous())).value().value().orElse(0);
            System.out.printf("%-14s %-10s %14.4f   previous %14.4f   change %+7.2f%%%n", metric, week.label(),
                    now, before, before == 0 ? 0 : 100 * (now - before) / before);
        }
        System.out.println();
        QueryResult byRegion = registry.query(Query.of("success_rate").window(week).groupBy("region"));
        for (Row row : byRegion.rows()) {
            System.out.printf("success_rate  region=%-6s %s%n", row.group().get("region"), row.value());
        }
    }
}
