package dev.northstar.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unfollows in a window over the followers at its start, read from the previous period's gauge. */
class UnfollowRateTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 9);
    static final AccountType SUB = AccountType.SUBSCRIPTION;

    MetricRegistry registry;
    ContentRecorder recorder;

    static long at(LocalDate day, int hour) {
        return day.atStartOfDay(SHANGHAI).plusHours(hour).toInstant().toEpochMilli();
    }

    @BeforeEach
    void setUp() {
        Instant now = MONDAY.plusDays(14).atStartOfDay(SHANGHAI).toInstant();
        registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> now).build();
        recorder = ContentCatalog.create("CNY").register(registry);
        // the week before: gh_a grows from 900 to 1,000 followers, gh_b stays at 3,000
        recorder.followers(at(MONDAY.minusDays(7), 23), "gh_a", SUB, ContentCategory.NEWS, 900);
        recorder.followers(at(MONDAY.minusDays(1), 23), "gh_a", SUB, ContentCategory.NEWS, 1_000);
        recorder.followers(at(MONDAY.minusDays(1), 23), "gh_b", SUB, ContentCategory.SPORTS, 3_000);
        // this week: 12 unfollows of gh_a, 8 of gh_b; a later report does not move the start
        for (int i = 0; i < 12; i++) {
            recorder.unfollow(at(MONDAY.plusDays(i % 7), 10), "gh_a", SUB, ContentCategory.NEWS, FollowSource.SEARCH);
        }
        for (int i = 0; i < 8; i++) {
            recorder.unfollow(at(MONDAY.plusDays(2), 12), "gh_b", SUB, ContentCategory.SPORTS, FollowSource.ARTICLE);
        }
        recorder.followers(at(MONDAY.plusDays(6), 23), "gh_a", SUB, ContentCategory.NEWS, 5_000);
    }

    @Test
    void isUnfollowsOverTheFollowersAtTheStartOfTheWindow() {
        Value.Ratio week = UnfollowRate.of(registry, Window.isoWeek(MONDAY));

        assertThat(week).isEqualTo(new Value.Ratio(20, 4_000));
        assertThat(week.value()).hasValue(0.005);
    }

    @Test
    void filtersBothQueriesAlike() {
        Value.Ratio gh = UnfollowRate.of(registry, Window.isoWeek(MONDAY), q -> q.where("account", "gh_a"));

        assertThat(gh).isEqualTo(new Value.Ratio(12, 1_000));
    }

    @Test
    void groupsByAccount() {
        Map<String, Value.Ratio> byAccount = UnfollowRate.by(registry, Window.isoWeek(MONDAY), "account");

        assertThat(byAccount).containsExactly(Map.entry("gh_a", new Value.Ratio(12, 1_000)),
                Map.entry("gh_b", new Value.Ratio(8, 3_000)));
    }

    @Test
    void isEmptyNotNaNWithoutAFollowerReportBeforeTheWindow() {
        Value.Ratio before = UnfollowRate.of(registry, Window.isoWeek(MONDAY.minusWeeks(2)));
        Map<String, Value.Ratio> unreported = UnfollowRate.by(registry, Window.isoWeek(MONDAY.plusWeeks(1)), "account");

        assertThat(before.value()).isEmpty();
        assertThat(before.denominator()).isZero();
        assertThat(unreported).containsEntry("gh_a", new Value.Ratio(0, 5_000)).doesNotContainKey("gh_b");
    }

    @Test
    void refusesADimensionTheFollowersGaugeDoesNotHave() {
        assertThatThrownBy(() -> UnfollowRate.of(registry, Window.isoWeek(MONDAY),
                q -> q.where("follow_source", FollowSource.SEARCH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("follow_source");
    }
}
