package dev.northstar.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The simulator: deterministic by seed whatever the threads, and traffic that looks like a content platform. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSimulatorTest {
    static final ContentSimulator.Config SMALL = Simulations.small(42);

    MetricRegistry oneThread;
    MetricRegistry threeThreads;
    long[] oneThreadDigest;
    long[] threeThreadsDigest;

    /** Runs {@code cfg} on {@code threads} threads; digest = {event count, order-independent hash of all events}. */
    static MetricRegistry run(ContentSimulator.Config cfg, int threads, long[] digest) {
        MetricRegistry registry = Simulations.registry(cfg);
        LongAdder count = new LongAdder();
        LongAdder hash = new LongAdder();
        ContentEvents sink = Simulations.tee(ContentCatalog.create("CNY").register(registry), (name, args) -> {
            long h = name.hashCode();
            for (Object a : args) {
                h = h * 1_000_003 + (a instanceof Enum<?> e ? e.ordinal() + 1 : java.util.Objects.hashCode(a));
            }
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            count.increment();
            hash.add(h ^ (h >>> 32));
        });
        long produced = new ContentSimulator(cfg).run(sink, threads);
        digest[0] = count.sum();
        digest[1] = hash.sum();
        assertThat(produced).isEqualTo(count.sum());
        return registry;
    }

    @BeforeAll
    void simulate() {
        oneThreadDigest = new long[2];
        threeThreadsDigest = new long[2];
        oneThread = run(SMALL, 1, oneThreadDigest);
        threeThreads = run(SMALL, 3, threeThreadsDigest);
    }

    @Test
    void sameSeedGivesIdenticalEventsAndMetricsWhateverTheThreadCount() {
        Snapshot one = oneThread.snapshot();
        Snapshot three = threeThreads.snapshot();

        assertThat(threeThreadsDigest).containsExactly(oneThreadDigest);
        assertThat(ContentRecorderTest.updates(three)).isEqualTo(ContentRecorderTest.updates(one));
        for (String metric : List.of("reads", "engaged_reads", "read_completion_rate", "read_rate", "deliveries",
                "follows", "unfollows", "followers", "read_time", "ad_revenue", "reports")) {
            assertThat(three.metrics().get(metric)).as(metric).isEqualTo(one.metrics().get(metric));
        }
    }

    @Test
    void anotherSeedGivesOtherTraffic() {
        ContentSimulator.Config threeDays = SMALL.withDays(Simulations.FIRST_DAY, 3);
        long[] a = new long[2];
        long[] b = new long[2];
        run(threeDays, 2, a);
        run(threeDays.withSeed(43), 2, b);

        assertThat(a[1]).isNotEqualTo(b[1]);
    }

    @Test
    void nothingIsRefusedOrFolded() {
        assertThat(oneThread.health().totalRefused()).isZero();
        assertThat(oneThread.health().foldedByDimension()).allSatisfy((dim, folded) -> assertThat(folded).isZero());
        assertThat(oneThread.health().foldedSeriesByMetric()).allSatisfy((m, folded) -> assertThat(folded).isZero());
    }

    private double value(String metric, Window w) {
        return oneThread.query(Query.of(metric).window(w)).value().value().orElseThrow();
    }

    @Test
    void dailyNumbersLookLikeAContentPlatform() {
        for (int d = 0; d < SMALL.days(); d++) {
            LocalDate day = SMALL.firstDay().plusDays(d);
            Window w = Window.day(day);
            assertThat(value("reads", w)).as("reads on %s", day).isBetween(0.8 * SMALL.readsPerDay(),
                    1.2 * SMALL.readsPerDay());
            assertThat(value("read_completion_rate", w)).as("completion").isBetween(0.40, 0.60);
            assertThat(value("read_rate", w)).as("read rate of the push").isBetween(0.02, 0.08);
            assertThat(value("share_rate", w)).as("share rate").isBetween(0.01, 0.05);
            assertThat(value("like_rate", w)).as("like rate").isBetween(0.005, 0.03);
            assertThat(value("ad_load", w)).as("ad load").isBetween(0.1, 0.8);
            assertThat(value("report_rate", w)).as("report rate").isLessThan(0.001);
            assertThat(value("net_follower_growth", w)).as("net follower growth").isPositive();
            assertThat(value("unique_readers", w)).as("unique readers").isLessThan(value("reads", w));
            Value.Distribution readTime = (Value.Distribution) oneThread.query(Query.of("read_time").window(w)).value();
            assertThat(readTime.quantile(0.5).orElseThrow()).as("median read time").isBetween(20_000.0, 120_000.0);
            assertThat(readTime.quantile(0.9).orElseThrow()).as("p90 read time").isBetween(60_000.0, 400_000.0);
            if (d > 0) {
                assertThat(UnfollowRate.of(oneThread, w).value().orElseThrow()).as("daily unfollow rate")
                        .isBetween(0.0001, 0.005);
            }
        }
        Window week = Window.isoWeek(SMALL.firstDay());
        double pushReads = ((Value.Ratio) oneThread.query(Query.of("read_rate").window(week)).value()).numerator();
        assertThat(pushReads / value("reads", week)).as("share of reads from the push").isBetween(0.35, 0.55);
        assertThat(value("unique_readers", week)).as("weekly readers exceed a day's")
                .isGreaterThan(value("unique_readers", Window.day(SMALL.firstDay())));
        assertThat(value("rpm", week)).as("RPM, fen per thousand reads").isBetween(50.0, 1_000.0);
    }

    @Test
    void readsConcentrateOnTheTopAccounts() {
        QueryResult byAccount = oneThread.query(Query.of("reads").window(Window.isoWeek(SMALL.firstDay()))
                .groupBy("account"));
        List<Long> counts = byAccount.rows().stream().map(r -> ((Value.Count) r.value()).count())
                .sorted(java.util.Comparator.reverseOrder()).toList();
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long top30 = counts.stream().limit(30).mapToLong(Long::longValue).sum();

        assertThat((double) top30 / total).as("top 5% of accounts' share of reads").isGreaterThan(0.4);
    }

    @Test
    void popularSubscriptionAccountsPublishMoreOften() {
        ContentSimulator sim = new ContentSimulator(SMALL);
        QueryResult byAccount = oneThread.query(Query.of("articles_published")
                .window(Window.between(Instant.ofEpochMilli(0), Instant.parse("2030-01-01T00:00:00Z")))
                .groupBy("account"));
        Map<String, Long> articles = new java.util.HashMap<>();
        for (Row r : byAccount.rows()) {
            articles.put(r.group().get("account"), ((Value.Count) r.value()).count());
        }
        double top = Simulations.subscriptionAccounts(sim, 0, 30).stream()
                .mapToLong(a -> articles.getOrDefault(a, 0L)).average().orElseThrow();
        double tail = Simulations.subscriptionAccounts(sim, 400, 100).stream()
                .mapToLong(a -> articles.getOrDefault(a, 0L)).average().orElseThrow();

        assertThat(top).as("articles of a top account in 10 days").isGreaterThan(7);
        assertThat(tail).as("articles of a tail account in 10 days").isLessThan(top / 2);
    }

    @Test
    void accountsPublishInTheMorningAtNoonOrInTheEvening() {
        ContentSimulator.Config twoDays = SMALL.withDays(Simulations.FIRST_DAY, 2).withReadsPerDay(500);
        Instant end = twoDays.lastDay().plusDays(1).atStartOfDay(twoDays.zone()).toInstant();
        MetricRegistry hourly = MetricRegistry.builder().zone(twoDays.zone()).clock(() -> end)
                .fineRetention(Duration.ofHours(48)).build();
        new ContentSimulator(twoDays).run(ContentCatalog.create("CNY").register(hourly), 2);

        long[] byHour = new long[24];
        Instant dayStart = twoDays.lastDay().atStartOfDay(twoDays.zone()).toInstant();
        for (int h = 0; h < 24; h++) {
            byHour[h] = ((Value.Count) hourly.query(Query.of("articles_published")
                    .window(Window.hour(dayStart.plus(Duration.ofHours(h))))).value()).count();
        }
        long published = java.util.Arrays.stream(byHour).sum();
        long inSlots = byHour[7] + byHour[8] + byHour[11] + byHour[12] + byHour[19] + byHour[20] + byHour[21];

        assertThat(published).isPositive();
        assertThat(inSlots).isEqualTo(published);
        assertThat(byHour[3]).isZero();
    }
}
