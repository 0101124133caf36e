package dev.northstar.content;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The unfollow rate of a window: unfollows in the window / followers at its start, the churn
 * measure of a follower base. A derived metric cannot express it, because its denominator comes
 * from another window: the followers at the start of a window are the {@code followers} gauge's
 * last reported level in the window before it ({@link Window#previous()}), so a host reports
 * follower counts at least once a period (the simulator reports each account's count at the end
 * of every day).
 *
 * <pre>{@code
 * Value.Ratio weekly = UnfollowRate.of(registry, Window.isoWeek(day));
 * OptionalDouble rate = weekly.value();              // empty if no follower count was reported
 * Value.Ratio oneAccount = UnfollowRate.of(registry, Window.day(day), q -> q.where("account", "gh_1a2b3c"));
 * }</pre>
 *
 * <p>The result is a {@link Value.Ratio}: numerator the unfollows, denominator the followers at
 * the start; its value is empty (never NaN) when no account reported a follower count in the
 * previous window. Accounts that did not report then are missing from the denominator but not
 * from the numerator, so the rate of a partial base reads high: report every account.
 */
public final class UnfollowRate {
    private static final String UNFOLLOWS = "unfollows";
    private static final String FOLLOWERS = "followers";

    private UnfollowRate() {
    }

    /** The unfollow rate of every account together over {@code window}. */
    public static Value.Ratio of(MetricRegistry registry, Window window) {
        return of(registry, window, UnaryOperator.identity());
    }

    /**
     * The unfollow rate over {@code window} of the accounts selected by {@code filter}, applied to
     * both queries (so filter only on account, account_type and content_category, the dimensions
     * both metrics have; another fails with {@link IllegalArgumentException}).
     */
    public static Value.Ratio of(MetricRegistry registry, Window window, UnaryOperator<Query> filter) {
        Value unfollows = registry.query(filter.apply(Query.of(UNFOLLOWS).window(window))).value();
        Value base = registry.query(filter.apply(Query.of(FOLLOWERS).window(window.previous()))).value();
        return new Value.Ratio(((Value.Count) unfollows).count(), level(base));
    }

    /**
     * The unfollow rate over {@code window} per value of {@code dimension} (account, account_type
     * or content_category), in label order; a value with unfollows but no follower report in the
     * previous window has an empty rate.
     */
    public static Map<String, Value.Ratio> by(MetricRegistry registry, Window window, String dimension) {
        QueryResult unfollows = registry.query(Query.of(UNFOLLOWS).window(window).groupBy(dimension));
        QueryResult base = registry.query(Query.of(FOLLOWERS).window(window.previous()).groupBy(dimension));
        Map<String, Long> start = new LinkedHashMap<>();
        for (Row r : base.rows()) {
            start.put(r.group().get(dimension), level(r.value()));
        }
        Map<String, Value.Ratio> out = new TreeMap<>();
        for (Row r : unfollows.rows()) {
            String label = r.group().get(dimension);
            out.put(label, new Value.Ratio(((Value.Count) r.value()).count(), start.getOrDefault(label, 0L)));
        }
        start.forEach((label, level) -> out.putIfAbsent(label, new Value.Ratio(0, level)));
        return out;
    }

    private static long level(Value v) {
        Value.Gauge g = (Value.Gauge) v;
        return g.present() ? Math.max(0, g.level()) : 0;
    }
}
