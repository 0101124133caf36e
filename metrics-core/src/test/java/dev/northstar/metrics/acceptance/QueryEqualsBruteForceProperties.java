package dev.northstar.metrics.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.registry.Health;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The acceptance of the query engine: for random streams of payments over ten New York days that
 * contain a daylight-saving change, every query of every metric kind, over every kind of window,
 * with and without filters and group-by, equals the same question answered by brute force over
 * the raw events (within the stated precision for sketches and histograms; see {@link BruteForce}).
 *
 * <p>Coverage is part of the answer: calendar windows are always complete; a window that cuts a
 * day at an hour is complete exactly when that hour is still kept by the hour (the fine retention,
 * 48 hours), and otherwise reports itself incomplete rather than silently returning partial data.
 *
 * <p>Each window is asked of every metric unsliced and under one other slice, turning through
 * {@link Slice#EVERY} from window to window, so every slice meets every window type and kind
 * across the tries without asking everything of everything.
 */
class QueryEqualsBruteForceProperties {
    private static final Duration HOUR = Duration.ofHours(1);

    @Provide
    Arbitrary<StreamSpec> streams() {
        return StreamSpec.arbitrary(2500, 2);
    }

    @Provide
    Arbitrary<StreamSpec> shortStreams() {
        return StreamSpec.arbitrary(400, 3);
    }

    @Property(tries = 20)
    void recordingAStreamWithLateEventsRefusesNothing(@ForAll("streams") StreamSpec spec) {
        Scenario s = Scenario.record(spec);

        Health health = s.registry().health();
        assertThat(health.totalRefused()).as("refused").isZero();
        assertThat(health.recordedAsUnknown()).as("recorded as unknown").isZero();
        if (spec.size() > 100) {
            assertThat(health.late()).as("late events").isPositive();
        }
    }

    @Property(tries = 12)
    void dayQueryEqualsBruteForce(@ForAll("streams") StreamSpec spec) {
        Scenario s = Scenario.record(spec);

        for (LocalDate d = s.firstDay().minusDays(1); !d.isAfter(s.lastDay().plusDays(1)); d = d.plusDays(1)) {
            assertEveryQueryAgrees(s, Window.day(d), true);
        }
    }

    @Property(tries = 12)
    void weekQueryEqualsBruteForceSum(@ForAll("streams") StreamSpec spec) {
        Scenario s = Scenario.record(spec);

        Set<Window> weeks = new LinkedHashSet<>();
        for (LocalDate d = s.firstDay(); !d.isAfter(s.lastDay()); d = d.plusDays(1)) {
            weeks.add(Window.isoWeek(d));
        }
        for (Window week : weeks) {
            assertEveryQueryAgrees(s, week, true);
        }
    }

    @Property(tries = 12)
    void monthQueryEqualsBruteForce(@ForAll("streams") StreamSpec spec) {
        Scenario s = Scenario.record(spec);

        assertEveryQueryAgrees(s, Window.month(YearMonth.from(s.firstDay())), true);
        assertEveryQueryAgrees(s, Window.month(YearMonth.from(s.lastDay())), true);
    }

    @Property(tries = 12)
    void trailingDaysQueryEqualsBruteForce(@ForAll("streams") StreamSpec spec,
                                           @ForAll @IntRange(min = 1, max = 12) int days,
                                           @ForAll @IntRange(min = 0, max = StreamSpec.DAYS) int asOfDay) {
        Scenario s = Scenario.record(spec);

        assertEveryQueryAgrees(s, Window.trailingDays(days, s.firstDay().plusDays(asOfDay)), true);
        assertEveryQueryAgrees(s, Window.trailingDays(7, s.lastDay()), true);
    }

    @Property(tries = 12)
    void comparisonWindowsEqualBruteForce(@ForAll("streams") StreamSpec spec,
                                          @ForAll @IntRange(min = 0, max = StreamSpec.DAYS - 1) int day) {
        Scenario s = Scenario.record(spec);
        LocalDate date = s.firstDay().plusDays(day);

        assertEveryQueryAgrees(s, Window.day(date).previous(), true);
        assertEveryQueryAgrees(s, Window.day(date).sameLastWeek(), true);
        assertEveryQueryAgrees(s, Window.isoWeek(date).previous(), true);
        assertEveryQueryAgrees(s, Window.trailingDays(3, date).previous(), true);
        assertEveryQueryAgrees(s, Window.month(YearMonth.from(date)).previous(), true);
    }

    @Property(tries = 12)
    void hourAlignedRangeQueryEqualsBruteForceWhereItsHoursAreKept(
            @ForAll("streams") StreamSpec spec,
            @ForAll @IntRange(min = -2, max = StreamSpec.DAYS * 24) int fromHour,
            @ForAll @IntRange(min = 0, max = 80) int hours) {
        Scenario s = Scenario.record(spec);
        Instant from = Instant.ofEpochMilli(spec.startMillis()).plus(HOUR.multipliedBy(fromHour));
        Window range = Window.between(from, from.plus(HOUR.multipliedBy(hours)));
        Instant recent = Instant.ofEpochMilli(s.fineRetainedFrom()).plus(HOUR.multipliedBy(hours % 7));
        Window kept = Window.between(recent, recent.plus(HOUR.multipliedBy(1 + hours % 30)));

        assertEveryQueryAgrees(s, range, keptByTheHour(s, range));
        assertEveryQueryAgrees(s, range.previous(), keptByTheHour(s, range.previous()));
        assertEveryQueryAgrees(s, kept, true);
    }

    @Property(tries = 12)
    void hourQueryEqualsBruteForceWithinFineRetentionAndIsIncompleteBeyond(
            @ForAll("streams") StreamSpec spec,
            @ForAll @IntRange(min = 0, max = StreamSpec.DAYS * 24 - 1) int someHour) {
        Scenario s = Scenario.record(spec);
        long retainedFrom = s.fineRetainedFrom();
        List<Instant> hours = new ArrayList<>();
        hours.add(Instant.ofEpochMilli(spec.startMillis()).plus(HOUR.multipliedBy(someHour)));
        for (int k = -2; k <= 1; k++) { // the edge of the fine retention
            hours.add(Instant.ofEpochMilli(retainedFrom).plus(HOUR.multipliedBy(k)));
        }
        hours.add(s.clock.instant().truncatedTo(ChronoUnit.HOURS));
        // the hours around the change: 01:00 and 03:00 on 2026-03-08; both 01:00 hours on 2026-11-01
        hours.add(Instant.parse("2026-03-08T06:00:00Z"));
        hours.add(Instant.parse("2026-03-08T07:00:00Z"));
        hours.add(Instant.parse("2026-11-01T05:00:00Z"));
        hours.add(Instant.parse("2026-11-01T06:00:00Z"));

        for (Instant h : hours) {
            assertEveryQueryAgrees(s, Window.hour(h), h.toEpochMilli() >= retainedFrom);
        }
    }

    @Property(tries = 12)
    void unalignedRangeIsExactOrReportedIncomplete(@ForAll("streams") StreamSpec spec,
                                                   @ForAll @IntRange(min = 0, max = StreamSpec.DAYS * 24 * 60) int fromMinute,
                                                   @ForAll @IntRange(min = 1, max = 3 * 24 * 60) int minutes) {
        Scenario s = Scenario.record(spec);
        Instant from = Instant.ofEpochMilli(spec.startMillis()).plus(Duration.ofMinutes(fromMinute));
        Window range = Window.between(from, from.plus(Duration.ofMinutes(minutes)));
        BruteForce bruteForce = s.bruteForce();

        for (String metric : PaymentMetrics.ALL) {
            for (Slice slice : List.of(Slice.ALL, Slice.BY_CHANNEL)) {
                QueryResult r = s.ask(BruteForce.query(metric, range, slice));
                if (r.coverage().complete()) {
                    bruteForce.assertAgrees(r, range, slice);
                }
            }
        }
    }

    @Property(tries = 12)
    void distributionQuantilesAreWithinHistogramPrecision(
            @ForAll("shortStreams") StreamSpec spec,
            @ForAll @IntRange(min = 0, max = StreamSpec.DAYS * 24 - 1) int someHour) {
        Scenario s = Scenario.record(spec);
        BruteForce bruteForce = s.bruteForce();
        List<Window> windows = new ArrayList<>();
        for (LocalDate d = s.firstDay(); !d.isAfter(s.lastDay()); d = d.plusDays(1)) {
            windows.add(Window.day(d));
        }
        windows.add(Window.isoWeek(s.lastDay()));
        Instant hour = Instant.ofEpochMilli(spec.startMillis()).plus(HOUR.multipliedBy(someHour));
        windows.add(Window.between(hour, hour.plus(HOUR.multipliedBy(30))));

        for (Window w : windows) {
            for (Slice slice : Slice.EVERY) {
                QueryResult r = s.ask(BruteForce.query(PaymentMetrics.LATENCY, w, slice));
                if (r.coverage().complete()) {
                    bruteForce.assertAgrees(r, w, slice);
                }
            }
        }
    }

    @Property(tries = 10)
    void registryQueryEqualsTheQueryOfItsSnapshot(@ForAll("streams") StreamSpec spec,
                                                  @ForAll @IntRange(min = 0, max = StreamSpec.DAYS - 1) int day,
                                                  @ForAll @IntRange(min = 0, max = StreamSpec.DAYS * 24 - 1) int someHour) {
        Scenario s = Scenario.record(spec);
        Snapshot whole = s.registry().snapshot();
        LocalDate date = s.firstDay().plusDays(day);
        Instant hour = Instant.ofEpochMilli(spec.startMillis()).plus(HOUR.multipliedBy(someHour));

        for (Window w : List.of(Window.day(date), Window.isoWeek(date), Window.trailingDays(3, date),
                Window.hour(hour), Window.between(hour, hour.plus(HOUR.multipliedBy(30))))) {
            for (String metric : PaymentMetrics.ALL) {
                Query q = BruteForce.query(metric, w, Slice.BY_MERCHANT_AND_CROSS_BORDER);
                assertThat(s.registry().query(q)).as(q.toString()).isEqualTo(QueryEngine.run(whole, q));
            }
        }
    }

    /**
     * Whether the registry still holds, by the hour, every hour at which the window cuts a day:
     * what a window needs to be answered exactly (whole days are always answerable).
     */
    static boolean keptByTheHour(Scenario s, Window window) {
        Interval i = window.resolve(StreamSpec.NEW_YORK);
        long retainedFrom = s.fineRetainedFrom();
        long fromDay = startOfDay(i.fromMillis());
        long toDay = startOfDay(i.toMillis());
        boolean cutsFirstDayBeforeRetention = fromDay != i.fromMillis() && i.fromMillis() < retainedFrom;
        boolean cutsLastDayBeforeRetention = toDay != i.toMillis() && Math.max(i.fromMillis(), toDay) < retainedFrom;
        return !cutsFirstDayBeforeRetention && !cutsLastDayBeforeRetention;
    }

    private static long startOfDay(long millis) {
        return Instant.ofEpochMilli(millis).atZone(StreamSpec.NEW_YORK).toLocalDate()
                .atStartOfDay(StreamSpec.NEW_YORK).toInstant().toEpochMilli();
    }

    /**
     * Every metric, unsliced and under the scenario's next slice: coverage as expected and, when
     * complete, the brute-force answer.
     */
    static void assertEveryQueryAgrees(Scenario s, Window window, boolean complete) {
        BruteForce bruteForce = s.bruteForce();
        for (Slice slice : List.of(Slice.ALL, s.nextSlice())) {
            for (String metric : PaymentMetrics.ALL) {
                QueryResult r = s.ask(BruteForce.query(metric, window, slice));
                assertThat(r.coverage().complete())
                        .as(metric + " over " + window.label() + " " + window.resolve(StreamSpec.NEW_YORK)
                                + ": complete coverage (notes " + r.coverage().notes() + ", hourly detail kept from "
                                + Instant.ofEpochMilli(s.fineRetainedFrom()) + ")")
                        .isEqualTo(complete);
                if (complete) {
                    bruteForce.assertAgrees(r, window, slice);
                }
            }
        }
    }
}
