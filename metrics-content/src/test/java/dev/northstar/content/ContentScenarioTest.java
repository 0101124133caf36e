package dev.northstar.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Incidents seen through queries, the way an analyst would find them: the same seeded platform
 * with and without the incidents, compared day by day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentScenarioTest {
    static final LocalDate CLICKBAIT_DAY = Simulations.FIRST_DAY.plusDays(3);
    static final LocalDate SPAM_DAY = Simulations.FIRST_DAY.plusDays(5);
    static final LocalDate FEED_CHANGE_DAY = Simulations.FIRST_DAY.plusDays(7);

    List<String> clickbaiters;
    MetricRegistry baseline;
    MetricRegistry incidents;

    @BeforeAll
    void simulate() {
        ContentSimulator.Config cfg = Simulations.small(7);
        clickbaiters = Simulations.subscriptionAccounts(new ContentSimulator(cfg), 3, 3);
        baseline = Simulations.run(cfg, 2);
        incidents = Simulations.run(cfg.withIncidents(List.of(
                ContentIncident.ClickbaitWave.of(CLICKBAIT_DAY, 2, clickbaiters),
                new ContentIncident.SpamWave(SPAM_DAY, 1, 8),
                new ContentIncident.FeedAlgorithmChange(FEED_CHANGE_DAY, 0.5))), 2);
    }

    private static Value value(MetricRegistry registry, String metric, LocalDate day) {
        return registry.query(Query.of(metric).window(Window.day(day))).value();
    }

    private static double number(MetricRegistry registry, String metric, LocalDate day) {
        return value(registry, metric, day).value().orElseThrow();
    }

    /** Per account: reads and completion (read to the end, reads) on a day. */
    private static Map<String, long[]> byAccount(MetricRegistry registry, LocalDate day) {
        Map<String, long[]> out = new HashMap<>();
        for (Row r : registry.query(Query.of("read_completion_rate").window(Window.day(day)).groupBy("account")).rows()) {
            Value.Ratio v = (Value.Ratio) r.value();
            out.put(r.group().get("account"), new long[] {v.numerator(), v.denominator()});
        }
        return out;
    }

    @Test
    void aClickbaitWaveRaisesReadsButLowersCompletion() {
        assertThat(number(incidents, "reads", CLICKBAIT_DAY))
                .isGreaterThan(1.1 * number(baseline, "reads", CLICKBAIT_DAY));
        assertThat(number(incidents, "read_completion_rate", CLICKBAIT_DAY))
                .isLessThan(number(baseline, "read_completion_rate", CLICKBAIT_DAY) - 0.03);
        assertThat(number(incidents, "unfollows", CLICKBAIT_DAY))
                .isGreaterThan(1.2 * number(baseline, "unfollows", CLICKBAIT_DAY));
        // the day before, both runs are the same events: each day has random streams of its own
        assertThat(value(incidents, "read_completion_rate", CLICKBAIT_DAY.minusDays(1)))
                .isEqualTo(value(baseline, "read_completion_rate", CLICKBAIT_DAY.minusDays(1)));
    }

    @Test
    void theClickbaitWaveIsConcentratedInTheAccountsThatCausedIt() {
        Map<String, long[]> before = byAccount(baseline, CLICKBAIT_DAY);
        Map<String, long[]> during = byAccount(incidents, CLICKBAIT_DAY);

        // group by account: the accounts with the most extra reads are the clickbaiters
        List<String> mostExtraReads = during.keySet().stream()
                .sorted((a, b) -> Long.compare(extra(during, before, b), extra(during, before, a)))
                .limit(clickbaiters.size()).toList();
        assertThat(mostExtraReads).containsExactlyInAnyOrderElementsOf(clickbaiters);
        long extraOfClickbaiters = clickbaiters.stream().mapToLong(a -> extra(during, before, a)).sum();
        long extraOfOthers = during.keySet().stream().filter(a -> !clickbaiters.contains(a))
                .mapToLong(a -> extra(during, before, a)).sum();
        assertThat(Math.abs(extraOfOthers)).isLessThan(extraOfClickbaiters / 4);

        for (String a : clickbaiters) {
            assertThat(rate(during.get(a))).as("completion of %s", a).isLessThan(0.6 * rate(before.get(a)));
        }
        assertThat(rate(othersTotal(during))).as("completion of every other account")
                .isCloseTo(rate(othersTotal(before)), within(0.015));
    }

    private long extra(Map<String, long[]> during, Map<String, long[]> before, String account) {
        return during.getOrDefault(account, new long[2])[1] - before.getOrDefault(account, new long[2])[1];
    }

    private long[] othersTotal(Map<String, long[]> byAccount) {
        long[] sum = new long[2];
        byAccount.forEach((a, v) -> {
            if (!clickbaiters.contains(a)) {
                sum[0] += v[0];
                sum[1] += v[1];
            }
        });
        return sum;
    }

    private static double rate(long[] parts) {
        return (double) parts[0] / parts[1];
    }

    @Test
    void aFeedChangeShiftsReadsFromThePushToTheFeed() {
        LocalDate after = FEED_CHANGE_DAY.plusDays(1);
        Map<String, Double> shareBefore = sourceShares(baseline, after);
        Map<String, Double> shareAfter = sourceShares(incidents, after);

        assertThat(shareAfter.get("CHAT_SESSION")).isLessThan(0.6 * shareBefore.get("CHAT_SESSION"));
        assertThat(shareAfter.get("RECOMMENDATION_FEED"))
                .isGreaterThan(shareBefore.get("RECOMMENDATION_FEED") + 0.15);
        assertThat(shareAfter.get("FRIEND_SHARE")).isCloseTo(shareBefore.get("FRIEND_SHARE"),
                within(0.02));
        // reads stay, the push's read rate falls
        assertThat(number(incidents, "reads", after)).isCloseTo(number(baseline, "reads", after),
                withinPercentage(3));
        assertThat(number(incidents, "read_rate", after)).isLessThan(0.6 * number(baseline, "read_rate", after));
        // before the change, the sources are what they were
        assertThat(sourceShares(incidents, FEED_CHANGE_DAY.minusDays(1)).get("CHAT_SESSION"))
                .isCloseTo(sourceShares(baseline, FEED_CHANGE_DAY.minusDays(1)).get("CHAT_SESSION"),
                        within(0.02));
    }

    private static Map<String, Double> sourceShares(MetricRegistry registry, LocalDate day) {
        Map<String, Double> out = new HashMap<>();
        List<Row> rows = registry.query(Query.of("reads").window(Window.day(day)).groupBy("traffic_source")).rows();
        double total = rows.stream().mapToLong(r -> ((Value.Count) r.value()).count()).sum();
        for (Row r : rows) {
            out.put(r.group().get("traffic_source"), ((Value.Count) r.value()).count() / total);
        }
        return out;
    }

    @Test
    void aSpamWaveRaisesReportsForSpam() {
        double before = number(baseline, "report_rate", SPAM_DAY);
        double during = number(incidents, "report_rate", SPAM_DAY);

        assertThat(during).isGreaterThan(3 * before);
        assertThat(spamReports(incidents, SPAM_DAY)).isGreaterThan((long) (0.5 * number(incidents, "reports", SPAM_DAY)));
        assertThat(number(incidents, "report_rate", SPAM_DAY.plusDays(1))).isLessThan(during / 2);
    }

    private static long spamReports(MetricRegistry registry, LocalDate day) {
        return ((Value.Count) registry.query(Query.of("reports").window(Window.day(day))
                .where("report_reason", ReportReason.SPAM)).value()).count();
    }
}
