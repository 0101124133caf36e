package dev.northstar.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Follower retention (cohort = follow, active = read, by category) against the exact cohorts
 * computed from the raw events: exactly while the sketches hold every id, and within the bounds
 * the query reports once they estimate.
 */
class FollowerRetentionTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST = LocalDate.of(2026, 11, 2);
    static final ContentCategory[] CATEGORIES = {ContentCategory.NEWS, ContentCategory.SPORTS};

    /** A raw event: a follow or a read by a reader of an account of a category, on a day and hour. */
    record Event(boolean follow, int reader, int category, int day, int hour) {
    }

    /** The ids of raw events of one kind, one category, one day. */
    static Set<Integer> ids(List<Event> events, boolean follow, int category, int day) {
        Set<Integer> out = new HashSet<>();
        for (Event e : events) {
            if (e.follow() == follow && e.category() == category && e.day() == day) {
                out.add(e.reader());
            }
        }
        return out;
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 23))
                .as(Event::new).list().ofMaxSize(400);
    }

    @Property(tries = 40)
    void isExactWhileTheSketchesHoldEveryId(@ForAll("events") List<Event> events) {
        Instant end = FIRST.plusDays(10).atStartOfDay(SHANGHAI).toInstant();
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> end).build();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);
        for (Event e : events) {
            long t = FIRST.plusDays(e.day()).atStartOfDay(SHANGHAI).plusHours(e.hour()).toInstant().toEpochMilli();
            if (e.follow()) {
                recorder.follow(t, e.reader(), "gh_a", AccountType.SUBSCRIPTION, CATEGORIES[e.category()],
                        FollowSource.ARTICLE);
            } else {
                recorder.read(t, e.reader(), "gh_a", AccountType.SUBSCRIPTION, CATEGORIES[e.category()],
                        TrafficSource.CHAT_SESSION, 10_000, true);
            }
        }

        for (int day = 0; day < 3; day++) {
            QueryResult r = registry.query(Query.of("follower_retention").window(Window.day(FIRST.plusDays(day)))
                    .groupBy("content_category"));
            for (int c = 0; c < CATEGORIES.length; c++) {
                Set<Integer> cohort = ids(events, true, c, day);
                Optional<Value.Retention> v = r.row(CATEGORIES[c].name()).map(row -> (Value.Retention) row.value());
                if (cohort.isEmpty()) {
                    assertThat(v.map(Value.Retention::cohort).orElse(0.0)).isZero();
                    continue;
                }
                assertThat(v.orElseThrow().cohort()).isEqualTo(cohort.size());
                for (Value.Offset o : v.orElseThrow().offsets()) {
                    Set<Integer> retained = new HashSet<>(cohort);
                    retained.retainAll(ids(events, false, c, day + o.days()));
                    assertThat(o.retained()).as("D%d of day %d", o.days(), day).isEqualTo(retained.size());
                    assertThat(o.rate()).hasValue((double) retained.size() / cohort.size());
                    assertThat(o.matured()).isEqualTo(day + o.days() < 10);
                }
            }
        }
    }

    @Test
    void staysWithinItsReportedBoundsOnceTheSketchesEstimate() {
        LocalDate day = FIRST;
        Instant end = day.plusDays(9).atStartOfDay(SHANGHAI).toInstant();
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> end).build();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);
        long followAt = day.atStartOfDay(SHANGHAI).plusHours(9).toInstant().toEpochMilli();
        long readAt = day.plusDays(1).atStartOfDay(SHANGHAI).plusHours(20).toInstant().toEpochMilli();
        // 6,000 followers (readers 0..5,999); the next day 50,000 readers read, 2,100 of the cohort among them
        for (int reader = 0; reader < 6_000; reader++) {
            recorder.follow(followAt, reader, "gh_a", AccountType.SUBSCRIPTION, ContentCategory.NEWS, FollowSource.SEARCH);
        }
        for (int i = 0; i < 50_000; i++) {
            long reader = i < 2_100 ? i * 2L : 1_000_000L + i;
            recorder.read(readAt, reader, "gh_a", AccountType.SUBSCRIPTION, ContentCategory.NEWS,
                    TrafficSource.CHAT_SESSION, 30_000, false);
        }

        Value.Retention v = (Value.Retention) registry.query(Query.of("follower_retention").window(Window.day(day)))
                .value();
        Value.Offset d1 = v.offsets().get(0);
        double exact = 2_100 / 6_000.0;

        assertThat(d1.days()).isEqualTo(1);
        assertThat(d1.upperRate() - d1.lowerRate()).as("the sketches estimate").isPositive();
        assertThat(exact).isBetween(d1.lowerRate(), d1.upperRate());
        assertThat(d1.rate().orElseThrow()).isCloseTo(exact, within(0.05));
    }

    @Test
    void matchesTheCohortsOfASimulatedPlatform() {
        ContentSimulator.Config cfg = Simulations.small(11);
        Set<Long> follows = ConcurrentHashMap.newKeySet();
        Set<Long> reads = ConcurrentHashMap.newKeySet();
        MetricRegistry registry = Simulations.registry(cfg);
        long base = cfg.firstDay().toEpochDay();
        ContentEvents sink = Simulations.tee(ContentCatalog.create("CNY").register(registry), (name, args) -> {
            if (name.equals("follow") || name.equals("read")) {
                long day = LocalDate.ofInstant(Instant.ofEpochMilli((Long) args[0]), cfg.zone()).toEpochDay() - base;
                long key = key(day, ((ContentCategory) args[4]).ordinal(), (Long) args[1]);
                (name.equals("follow") ? follows : reads).add(key);
            }
        });
        new ContentSimulator(cfg).run(sink, 2);

        int checked = 0;
        for (int day = 0; day < 2; day++) {
            QueryResult r = registry.query(Query.of("follower_retention").window(Window.day(cfg.firstDay().plusDays(day)))
                    .groupBy("content_category"));
            for (ContentCategory c : ContentCategory.values()) {
                Set<Long> cohort = readersOf(follows, day, c);
                if (cohort.size() < 20) {
                    continue;
                }
                Value.Retention v = (Value.Retention) r.row(c.name()).orElseThrow().value();
                assertThat(v.cohort()).isEqualTo(cohort.size());
                for (Value.Offset o : v.offsets().subList(0, 2)) { // D1 and D7; D30 lies past the data
                    Set<Long> retained = new HashSet<>(cohort);
                    retained.retainAll(readersOf(reads, day + o.days(), c));
                    double exact = (double) retained.size() / cohort.size();
                    assertThat(exact).as("D%d of %s on day %d", o.days(), c, day)
                            .isBetween(o.lowerRate() - 1e-9, o.upperRate() + 1e-9);
                    checked++;
                }
            }
        }
        assertThat(checked).as("cohorts compared").isGreaterThanOrEqualTo(8);
    }

    private static long key(long day, int category, long reader) {
        return day << 56 | (long) category << 48 | reader;
    }

    private static Set<Long> readersOf(Set<Long> keys, long day, ContentCategory c) {
        Set<Long> out = new HashSet<>();
        long prefix = key(day, c.ordinal(), 0);
        for (long k : keys) {
            if ((k & ~((1L << 48) - 1)) == prefix) {
                out.add(k & ((1L << 48) - 1));
            }
        }
        return out;
    }
}
