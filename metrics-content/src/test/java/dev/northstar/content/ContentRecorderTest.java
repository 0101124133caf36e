package dev.northstar.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.Mode;
import dev.northstar.metrics.registry.RefusalReason;
import dev.northstar.metrics.snapshot.Cell;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One event through each recorder method, and exactly the metric updates it must produce: every
 * stored metric it feeds, with the value it adds, and no other.
 */
class ContentRecorderTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-15T04:00:00Z");
    static final long AT = NOW.minusSeconds(600).toEpochMilli();
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, SHANGHAI);
    static final AccountType SUB = AccountType.SUBSCRIPTION;
    static final ContentCategory TECH = ContentCategory.TECHNOLOGY;

    static Stream<Arguments> events() {
        return Stream.of(
                event("account created", r -> r.accountCreated(AT, "gh_a", SUB, TECH),
                        Map.of("accounts_created", "1")),
                event("verification approved", r -> r.accountVerified(AT, "gh_a", SUB, true),
                        Map.of("verification_rate", "1/1")),
                event("verification rejected", r -> r.accountVerified(AT, "gh_a", AccountType.SERVICE, false),
                        Map.of("verification_rate", "0/1")),
                event("article pushed to 5,000 followers", r -> r.articlePublished(AT, "gh_a", SUB,
                                VerificationState.VERIFIED, TECH, 5_000),
                        Map.of("articles_published", "1", "active_publishers", "~1", "deliveries", "5000",
                                "read_rate", "0/5000")),
                event("article whose push is reported in batches", r -> r.articlePublished(AT, "gh_a", SUB,
                                VerificationState.UNVERIFIED, TECH, 0),
                        Map.of("articles_published", "1", "active_publishers", "~1")),
                event("delivery batch", r -> r.delivery(AT, "gh_a", SUB, TECH, 750),
                        Map.of("deliveries", "750", "read_rate", "0/750")),
                event("read from the push, to the end", r -> r.read(AT, 7, "gh_a", SUB, TECH,
                                TrafficSource.CHAT_SESSION, 95_000, true),
                        Map.of("reads", "1", "engaged_reads", "1", "read_completion_rate", "1/1", "read_rate", "1/0",
                                "read_time", "n=1", "unique_readers", "~1", "follower_retention", "~0,~1")),
                event("read from the feed, abandoned", r -> r.read(AT, 7, "gh_a", SUB, TECH,
                                TrafficSource.RECOMMENDATION_FEED, 8_000, false),
                        Map.of("reads", "1", "read_completion_rate", "0/1", "spread_reads", "1", "read_time", "n=1",
                                "unique_readers", "~1", "follower_retention", "~0,~1")),
                event("share to Moments", r -> r.share(AT, "gh_a", SUB, TECH, ShareTarget.MOMENTS),
                        Map.of("shares", "1")),
                event("like", r -> r.like(AT, "gh_a", SUB, TECH), Map.of("likes", "1")),
                event("comment", r -> r.comment(AT, "gh_a", SUB, TECH), Map.of("comments", "1")),
                event("favorite", r -> r.favorite(AT, "gh_a", SUB, TECH), Map.of("favorites", "1")),
                event("follow from search", r -> r.follow(AT, 7, "gh_a", SUB, TECH, FollowSource.SEARCH),
                        Map.of("follows", "1", "follower_retention", "~1,~0")),
                event("unfollow", r -> r.unfollow(AT, "gh_a", SUB, TECH, FollowSource.ARTICLE),
                        Map.of("unfollows", "1")),
                event("follower count report", r -> r.followers(AT, "gh_a", SUB, TECH, 1_234),
                        Map.of("followers", "=1234")),
                event("tip of 5.00", r -> r.tip(AT, "gh_a", SUB, TECH, 500),
                        Map.of("tips", "1", "tip_amount", "500")),
                event("ad impression", r -> r.adImpression(AT, "gh_a", SUB, TECH, AdFormat.BOTTOM),
                        Map.of("ad_impressions", "1")),
                event("ad click", r -> r.adClick(AT, "gh_a", SUB, TECH, AdFormat.BOTTOM),
                        Map.of("ad_clicks", "1")),
                event("ad revenue of 0.40", r -> r.adRevenue(AT, "gh_a", SUB, TECH, AdFormat.BOTTOM, 40),
                        Map.of("ad_revenue", "40")),
                event("report", r -> r.report(AT, "gh_a", SUB, TECH, ReportReason.MISLEADING),
                        Map.of("reports", "1")));
    }

    private static Arguments event(String name, Consumer<ContentRecorder> event, Map<String, String> expected) {
        return Arguments.of(name, event, expected);
    }

    static MetricRegistry strictRegistry() {
        return MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).mode(Mode.STRICT).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void oneEventUpdatesExactlyTheMetricsItFeeds(String name, Consumer<ContentRecorder> event,
                                                  Map<String, String> expected) {
        MetricRegistry registry = strictRegistry();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);

        event.accept(recorder);

        assertThat(updates(registry.snapshot())).isEqualTo(new TreeMap<>(expected));
        assertThat(registry.health().totalRefused()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventsOutsideRetentionAreRefusedNotThrown(String name, Consumer<ContentRecorder> event,
                                                   Map<String, String> expected) {
        Instant muchLater = NOW.plusSeconds(3600L * 24 * 500);
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> muchLater).build();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);

        event.accept(recorder);

        assertThat(updates(registry.snapshot())).isEmpty();
        assertThat(registry.health().refused(RefusalReason.TOO_OLD)).isEqualTo(1);
    }

    /** Per stored metric with data: its total, written compactly ("1", "3/4", "n=2", "~1", "=5"). */
    static Map<String, String> updates(Snapshot snapshot) {
        Map<String, String> out = new TreeMap<>();
        snapshot.metrics().forEach((name, data) -> {
            Cell total = null;
            for (SeriesCells bucket : data.buckets()) {
                for (Cell cell : bucket.series().values()) {
                    total = total == null ? cell : total.merge(cell);
                }
            }
            if (total != null) {
                out.put(name, describe(total));
            }
        });
        return out;
    }

    private static String describe(Cell cell) {
        if (cell instanceof Cell.Longs l) {
            long[] c = l.columns();
            return c.length == 1 ? Long.toString(c[0]) : c[0] + "/" + c[1];
        }
        if (cell instanceof Cell.Distribution d) {
            return "n=" + d.histogram().getTotalCount();
        }
        if (cell instanceof Cell.Hll h) {
            return "~" + Math.round(h.sketch().getEstimate());
        }
        if (cell instanceof Cell.Theta t) {
            return String.join(",", t.columns().stream().map(s -> "~" + Math.round(s.getEstimate())).toList());
        }
        if (cell instanceof Cell.Gauge g) {
            return "=" + g.value();
        }
        return cell.toString();
    }

    private static QueryResult today(MetricRegistry registry, String metric, String... groupBy) {
        return registry.query(Query.of(metric).window(Window.day(TODAY)).groupBy(groupBy));
    }

    @Test
    void aReadIsRecordedUnderItsAccountSourceAndCategory() {
        MetricRegistry registry = strictRegistry();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);

        recorder.read(AT, 7, "gh_a", SUB, TECH, TrafficSource.SEARCH, 30_000, true);

        QueryResult r = today(registry, "engaged_reads", "account", "account_type", "traffic_source", "content_category");
        assertThat(r.rows()).hasSize(1);
        assertThat(r.row("gh_a", "SUBSCRIPTION", "SEARCH", "TECHNOLOGY")).map(row -> row.value())
                .contains(new Value.Count(1));
    }

    @Test
    void eachMetricResolvesItsOwnSeries() {
        MetricRegistry registry = strictRegistry();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);

        // reads hands out its first series to gh_a, engaged reads its first to gh_b
        recorder.read(AT, 1, "gh_a", SUB, TECH, TrafficSource.SEARCH, 5_000, false);
        recorder.read(AT, 2, "gh_b", SUB, TECH, TrafficSource.SEARCH, 90_000, true);

        assertThat(today(registry, "engaged_reads", "account").groups()).containsExactly(Map.of("account", "gh_b"));
        assertThat(today(registry, "reads", "account").rows()).hasSize(2);
        assertThat(today(registry, "read_completion_rate", "account").row("gh_a"))
                .map(row -> row.value()).contains(new Value.Ratio(0, 1));
    }

    @Test
    void aNegativeReadTimeIsRefusedButTheReadStillCounts() {
        MetricRegistry lenient = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).build();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(lenient);

        recorder.read(AT, 7, "gh_a", SUB, TECH, TrafficSource.CHAT_SESSION, -5, true);

        assertThat(lenient.health().refused(RefusalReason.NEGATIVE_VALUE)).isEqualTo(1);
        assertThat(updates(lenient.snapshot())).containsEntry("reads", "1").doesNotContainKey("read_time");
        assertThatThrownBy(() -> ContentCatalog.create("CNY").register(strictRegistry())
                .read(AT, 7, "gh_a", SUB, TECH, TrafficSource.CHAT_SESSION, -5, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NEGATIVE_VALUE");
    }

    @Test
    void aReadLongerThanAnHourIsRecordedAsAnHour() {
        MetricRegistry registry = strictRegistry();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);

        recorder.read(AT, 7, "gh_a", SUB, TECH, TrafficSource.CHAT_SESSION, 5 * 3_600_000L, false);

        Value.Distribution d = (Value.Distribution) today(registry, "read_time").value();
        assertThat(d.count()).isEqualTo(1);
        assertThat(d.max()).isBetween(ContentCatalog.MAX_READ_TIME_MILLIS, ContentCatalog.MAX_READ_TIME_MILLIS * 101 / 100);
    }

    @Test
    void nullAccountAndSourceAreRecordedAsUnknownAndTheReadCountsAsSpread() {
        MetricRegistry registry = strictRegistry();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);

        recorder.read(AT, 7, null, SUB, TECH, null, 20_000, false);
        recorder.articlePublished(AT, null, SUB, null, TECH, 100);

        assertThat(today(registry, "spread_reads", "account", "traffic_source").groups())
                .containsExactly(Map.of("account", "(unknown)", "traffic_source", "(unknown)"));
        assertThat(today(registry, "articles_published", "verification_state").groups())
                .containsExactly(Map.of("verification_state", "(unknown)"));
        assertThat(updates(registry.snapshot())).doesNotContainKey("active_publishers");
        assertThat(registry.health().totalRefused()).isZero();
    }

    @Test
    void aNegativeFollowerCountIsIgnored() {
        MetricRegistry registry = strictRegistry();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);

        recorder.followers(AT, "gh_a", SUB, TECH, -1);

        assertThat(updates(registry.snapshot())).isEmpty();
    }

    @Test
    void aNegativeDeliveryIsRefusedByBothMetricsItFeeds() {
        MetricRegistry lenient = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).build();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(lenient);

        recorder.articlePublished(AT, "gh_a", SUB, VerificationState.VERIFIED, TECH, -10);

        assertThat(lenient.health().refused(RefusalReason.NEGATIVE_VALUE)).isEqualTo(2);
        assertThat(updates(lenient.snapshot())).containsOnlyKeys("articles_published", "active_publishers");
    }

    @Test
    void topAccountsKeepTheirSeriesAndTheLongTailFoldsIntoOther() {
        MetricRegistry registry = strictRegistry();
        ContentCatalog catalog = ContentCatalog.forTopAccounts("CNY", List.of("gh_top1", "gh_top2", "gh_top1"));
        ContentRecorder recorder = catalog.register(registry);

        recorder.read(AT, 1, "gh_tail9", SUB, TECH, TrafficSource.SEARCH, 5_000, false);
        recorder.read(AT, 2, "gh_top2", SUB, TECH, TrafficSource.SEARCH, 5_000, false);
        recorder.read(AT, 3, "gh_tail8", SUB, TECH, TrafficSource.SEARCH, 5_000, false);

        assertThat(catalog.accountLimit()).isEqualTo(2);
        assertThat(catalog.account.code("gh_top1")).isZero();
        assertThat(catalog.account.code("gh_top2")).isEqualTo(1);
        QueryResult byAccount = today(registry, "reads", "account");
        assertThat(byAccount.row("gh_top2")).map(r -> r.value()).contains(new Value.Count(1));
        assertThat(byAccount.row("(other)")).map(r -> r.value()).contains(new Value.Count(2));
        assertThat(registry.health().foldedByDimension()).containsEntry("account", 2L);
    }

    @Test
    void preassigningGivesCodesInOrderBeforeTraffic() {
        ContentCatalog catalog = ContentCatalog.create("CNY", 3);

        int assigned = catalog.preassignAccounts(List.of("gh_x", "gh_y"));
        catalog.account.code("gh_first_seen");

        assertThat(assigned).isEqualTo(2);
        assertThat(catalog.account.code("gh_x")).isZero();
        assertThat(catalog.account.code("gh_y")).isEqualTo(1);
        assertThat(catalog.account.code("gh_later")).isEqualTo(catalog.account.otherCode());
    }
}
