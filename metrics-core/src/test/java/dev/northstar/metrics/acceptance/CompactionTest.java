package dev.northstar.metrics.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RefusalReason;
import dev.northstar.metrics.registry.SumMetric;
import dev.northstar.metrics.snapshot.Cell;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Time buckets over their lifetime: hourly buckets are kept for the fine retention and then
 * compacted into their calendar day without loss or double counting; late events go to their own
 * bucket while it is kept and to their day after; windows the retained data can no longer answer
 * say so in their coverage.
 */
class CompactionTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration FINE_RETENTION = Duration.ofHours(6);

    /** A New York registry with 6 hours of hourly buckets, a count, a sum and an exact distinct count. */
    private static final class Shop {
        final ManualClock clock;
        final MetricRegistry registry;
        final CountMetric orders;
        final SumMetric revenue;
        final DistinctMetric buyers;
        final List<long[]> raw = new ArrayList<>(); // {time, amount, buyer}

        Shop(Instant start, int dayRetention) {
            clock = new ManualClock(start);
            registry = MetricRegistry.builder().zone(NEW_YORK).clock(clock).fineRetention(FINE_RETENTION)
                    .dayRetention(dayRetention).build();
            orders = registry.register(MetricDefinition.count("orders").description("Orders").build());
            revenue = registry.register(MetricDefinition.sum("revenue").money("USD").description("Revenue").build());
            buyers = registry.register(MetricDefinition.distinct("buyers").setOperations()
                    .description("Buyers").build());
        }

        void order(long atMillis, long amount, long buyer) {
            orders.increment(orders.series(), atMillis);
            revenue.add(revenue.series(), amount, atMillis);
            buyers.add(buyers.series(), buyer, atMillis);
            raw.add(new long[] {atMillis, amount, buyer});
        }

        QueryResult query(String metric, Window w) {
            return registry.query(Query.of(metric).window(w));
        }

        /** Asserts each metric's total over {@code day} equals the raw orders of that day. */
        void assertDayEqualsRawOrders(LocalDate day, String when) {
            Interval i = Window.day(day).resolve(NEW_YORK);
            long count = 0;
            long sum = 0;
            HashSet<Long> ids = new HashSet<>();
            for (long[] o : raw) {
                if (o[0] >= i.fromMillis() && o[0] < i.toMillis()) {
                    count++;
                    sum += o[1];
                    ids.add(o[2]);
                }
            }
            String ctx = day + " " + when;
            assertThat(((Value.Count) query("orders", Window.day(day)).value()).count()).as(ctx + ": orders")
                    .isEqualTo(count);
            assertThat(((Value.Sum) query("revenue", Window.day(day)).value()).sum()).as(ctx + ": revenue")
                    .isEqualTo(sum);
            assertThat(((Value.Distinct) query("buyers", Window.day(day)).value()).estimate()).as(ctx + ": buyers")
                    .isEqualTo(ids.size());
            assertThat(query("orders", Window.day(day)).coverage().complete()).as(ctx + ": complete").isTrue();
        }

        /** The snapshot's buckets of the orders metric that lie within {@code day}. */
        List<SeriesCells> bucketsOf(LocalDate day) {
            Interval i = Window.day(day).resolve(NEW_YORK);
            return registry.snapshot().metric("orders").buckets().stream()
                    .filter(b -> i.encloses(b.startMillis(), b.endMillis())).toList();
        }
    }

    @Test
    void dayTotalsEqualTheRawEventsWhileHourlyBucketsAreCompactedIntoDays() {
        LocalDate first = LocalDate.of(2026, 10, 30);   // through the 25-hour 2026-11-01
        LocalDate last = LocalDate.of(2026, 11, 3);
        Instant start = first.atStartOfDay(NEW_YORK).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
        Shop shop = new Shop(start, 400);
        SplittableRandom random = new SplittableRandom(20261101);

        for (Instant hour = start; hour.isBefore(end); hour = hour.plus(HOUR)) {
            shop.clock.set(hour.plus(Duration.ofMinutes(59)));
            for (int i = random.nextInt(4); i > 0; i--) { // on time
                shop.order(hour.plus(Duration.ofMinutes(random.nextInt(59))).toEpochMilli(), random.nextLong(10_000),
                        random.nextLong(500));
            }
            if (random.nextInt(3) == 0) { // a few hours late: into its own, still kept, hourly bucket
                shop.order(hour.minus(HOUR.multipliedBy(1 + random.nextInt(4))).toEpochMilli(), 7, random.nextLong(500));
            }
            if (random.nextInt(5) == 0) { // later than the fine retention: straight into its day
                shop.order(hour.minus(HOUR.multipliedBy(7 + random.nextInt(20))).toEpochMilli(), 11,
                        random.nextLong(500));
            }
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (!d.atStartOfDay(NEW_YORK).toInstant().isAfter(hour)) {
                    shop.assertDayEqualsRawOrders(d, "at " + shop.clock.instant());
                }
            }
        }

        assertThat(shop.registry.health().totalRefused()).isZero();
        for (LocalDate d = first; !d.isAfter(last.minusDays(1)); d = d.plusDays(1)) {
            // the days now older than the fine retention are single day buckets, their hours gone
            List<SeriesCells> buckets = shop.bucketsOf(d);
            assertThat(buckets).as("buckets of " + d).hasSize(1).allMatch(SeriesCells::day);
        }
        SeriesCells fallBack = shop.bucketsOf(LocalDate.of(2026, 11, 1)).get(0);
        assertThat(Duration.ofMillis(fallBack.endMillis() - fallBack.startMillis())).isEqualTo(Duration.ofHours(25));
        long fallBackOrders = ((Cell.Longs) fallBack.series().get(List.of())).column(0);
        assertThat(fallBackOrders).isEqualTo(shop.raw.stream().filter(o -> Window.day(LocalDate.of(2026, 11, 1))
                .resolve(NEW_YORK).encloses(o[0], o[0] + 1)).count());
    }

    @Test
    void hourWindowOlderThanFineRetentionReportsIncompleteCoverage() {
        Instant start = Instant.parse("2026-03-09T05:00:00Z"); // local midnight
        Shop shop = new Shop(start, 400);
        for (int h = 0; h < 30; h++) {
            shop.clock.set(start.plus(HOUR.multipliedBy(h)).plus(Duration.ofMinutes(30)));
            shop.order(shop.clock.millis(), 100, h);
        }
        Window old = Window.hour(start.plus(HOUR.multipliedBy(3)));
        Window recent = Window.hour(start.plus(HOUR.multipliedBy(27)));

        QueryResult oldHour = shop.query("orders", old);
        assertThat(oldHour.coverage().complete()).as("an hour compacted into its day").isFalse();
        QueryResult recentHour = shop.query("orders", recent);
        assertThat(recentHour.coverage().complete()).as("an hour still kept by the hour").isTrue();
        assertThat(((Value.Count) recentHour.value()).count()).isEqualTo(1);
        shop.assertDayEqualsRawOrders(LocalDate.of(2026, 3, 9), "after compaction");
    }

    @Test
    void windowOlderThanDayRetentionReportsIncompleteCoverageAndOlderEventsAreRefused() {
        Instant start = Instant.parse("2026-03-01T17:00:00Z");
        Shop shop = new Shop(start, 5);
        for (int d = 0; d < 8; d++) {
            shop.clock.set(start.plus(Duration.ofDays(d)));
            shop.order(shop.clock.millis(), 100, d);
        }
        LocalDate today = LocalDate.of(2026, 3, 8);

        QueryResult tooOld = shop.query("orders", Window.day(today.minusDays(5)));
        assertThat(tooOld.coverage().complete()).as("a day past the day retention").isFalse();
        assertThat(shop.query("orders", Window.trailingDays(7, today)).coverage().complete()).isFalse();
        assertThat(shop.query("orders", Window.day(today.minusDays(4))).coverage().complete()).isTrue();
        shop.assertDayEqualsRawOrders(today.minusDays(4), "the oldest day kept");

        shop.orders.increment(shop.orders.series(), today.minusDays(5).atTime(12, 0).atZone(NEW_YORK).toInstant()
                .toEpochMilli());
        assertThat(shop.registry.health().refused(RefusalReason.TOO_OLD)).isEqualTo(1);
    }

    @Test
    void inAHalfHourZoneAWindowCuttingACompactedHourReportsIncompleteCoverage() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata"); // +05:30: hourly buckets start at :30 UTC
        ManualClock clock = new ManualClock(Instant.parse("2026-01-10T10:45:00Z"));
        MetricRegistry registry = MetricRegistry.builder().zone(kolkata).clock(clock).fineRetention(FINE_RETENTION)
                .build();
        CountMetric orders = registry.register(MetricDefinition.count("orders").description("Orders").build());
        // the bucket [04:30Z, 05:30Z) is past the 6 hours kept: the order goes to its day
        orders.increment(orders.series(), Instant.parse("2026-01-10T05:10:00Z").toEpochMilli());

        QueryResult r = registry.query(Query.of("orders").window(Window.between(
                Instant.parse("2026-01-10T05:00:00Z"), Instant.parse("2026-01-10T07:00:00Z"))));

        assertThat(r.coverage().complete()).as("the window needs the compacted hour").isFalse();
        assertThat(registry.query(Query.of("orders").window(Window.day(LocalDate.of(2026, 1, 10)))).value())
                .isEqualTo(new Value.Count(1));
    }

    /**
     * The bucket of now is cached for the recording fast path. When the clock has moved on and
     * that bucket has been compacted into its day by late events of other hours, an event in its
     * hour must still reach the day, not the compacted (and no longer read) hourly bucket.
     */
    @Test
    void lateEventInAnHourAlreadyCompactedIsCountedInItsDay() {
        Instant hour = Instant.parse("2026-01-10T05:00:00Z"); // local midnight; 6 h kept, 5 min skew
        Shop shop = new Shop(hour, 400);
        shop.clock.set(hour.plus(Duration.ofMinutes(59)));
        shop.order(shop.clock.millis(), 1, 1);                                     // the bucket of now
        shop.order(hour.plus(Duration.ofMinutes(61)).toEpochMilli(), 1, 2);       // next hour, within the skew
        shop.clock.set(hour.plus(HOUR.multipliedBy(10)).plus(Duration.ofMinutes(30)));
        shop.order(hour.plus(HOUR.multipliedBy(8)).toEpochMilli(), 1, 3);         // late, reuses the first hour's slot
        shop.order(hour.plus(HOUR.multipliedBy(9)).toEpochMilli(), 1, 4);         // late, compacts the first hour
        shop.order(hour.plus(Duration.ofMinutes(20)).toEpochMilli(), 1, 5);       // late, in the first hour

        shop.assertDayEqualsRawOrders(LocalDate.of(2026, 1, 10), "after a late event in a compacted hour");
        assertThat(shop.registry.health().totalRefused()).isZero();
    }
}
