package dev.northstar.metrics.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calendar windows in the registry's zone: daylight-saving days of 23 and 25 hours with as many
 * hourly buckets, days that start at a zone's local midnight, ISO weeks from Monday, calendar
 * months, and the comparison windows derived from each.
 */
class CalendarTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration HOUR = Duration.ofHours(1);

    /** A registry in {@code zone} with one count, its clock at {@code now}. */
    private record Counter(MetricRegistry registry, CountMetric events) {
        static Counter in(ZoneId zone, Instant now) {
            MetricRegistry registry = MetricRegistry.builder().zone(zone).clock(new ManualClock(now)).build();
            return new Counter(registry, registry.register(MetricDefinition.count("events")
                    .description("Events").build()));
        }

        long count(Window w) {
            return ((Value.Count) query(w).value()).count();
        }

        QueryResult query(Window w) {
            return registry.query(Query.of("events").window(w));
        }

        /** The hourly (fine) buckets of the snapshot that lie within {@code day}. */
        List<SeriesCells> fineBucketsOf(Interval day) {
            return registry.snapshot().metric("events").buckets().stream()
                    .filter(b -> !b.day() && day.encloses(b.startMillis(), b.endMillis())).toList();
        }
    }

    @Test
    void springForwardDayInNewYorkHas23HourlyBuckets() {
        assertOneBucketPerRealHour(LocalDate.of(2026, 3, 8), 23);
    }

    @Test
    void fallBackDayInNewYorkHas25HourlyBuckets() {
        assertOneBucketPerRealHour(LocalDate.of(2026, 11, 1), 25);
    }

    @Test
    void ordinaryDayInNewYorkHas24HourlyBuckets() {
        assertOneBucketPerRealHour(LocalDate.of(2026, 3, 9), 24);
    }

    /** One event per real hour of the day: that many hour windows of one event each, and that many buckets. */
    private static void assertOneBucketPerRealHour(LocalDate date, int hours) {
        Interval day = Window.day(date).resolve(NEW_YORK);
        assertThat(Duration.ofMillis(day.lengthMillis())).as("length of " + date).isEqualTo(HOUR.multipliedBy(hours));
        Counter c = Counter.in(NEW_YORK, Instant.ofEpochMilli(day.toMillis()).plus(HOUR)); // all within 48 h
        for (Instant h = Instant.ofEpochMilli(day.fromMillis()); h.toEpochMilli() < day.toMillis(); h = h.plus(HOUR)) {
            c.events().increment(c.events().series(), h.plus(Duration.ofMinutes(30)).toEpochMilli());
        }

        List<SeriesCells> buckets = c.fineBucketsOf(day);
        assertThat(buckets).as("hourly buckets of " + date).hasSize(hours)
                .allSatisfy(b -> assertThat(b.endMillis() - b.startMillis()).isEqualTo(HOUR.toMillis()));
        for (int k = 0; k < hours; k++) {
            Window hour = Window.hour(Instant.ofEpochMilli(day.fromMillis()).plus(HOUR.multipliedBy(k)));
            assertThat(c.count(hour)).as("events in " + hour.label()).isEqualTo(1);
            assertThat(c.query(hour).coverage().complete()).as(hour.label() + " is complete").isTrue();
        }
        assertThat(c.count(Window.day(date))).as("events on " + date).isEqualTo(hours);
    }

    @Test
    void theRepeatedHourOfFallBackIsTwoBucketsAndTwoHourWindows() {
        Counter c = Counter.in(NEW_YORK, Instant.parse("2026-11-01T12:00:00Z"));
        c.events().increment(c.events().series(), Instant.parse("2026-11-01T05:10:00Z").toEpochMilli()); // 01:10 EDT
        c.events().increment(c.events().series(), Instant.parse("2026-11-01T06:10:00Z").toEpochMilli()); // 01:10 EST
        c.events().increment(c.events().series(), Instant.parse("2026-11-01T06:20:00Z").toEpochMilli()); // 01:20 EST

        Window firstOneOClock = Window.hour(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(c.count(firstOneOClock)).isEqualTo(1);
        assertThat(c.count(Window.hour(Instant.parse("2026-11-01T06:00:00Z")))).isEqualTo(2);
        assertThat(Window.hour(Instant.parse("2026-11-01T06:00:00Z")).previous()).isEqualTo(firstOneOClock);
    }

    @Test
    void shanghaiDayStartsAt1600UtcOfThePreviousDate() {
        assertThat(Window.day(LocalDate.of(2026, 11, 18)).resolve(SHANGHAI)).isEqualTo(new Interval(
                Instant.parse("2026-11-17T16:00:00Z").toEpochMilli(), Instant.parse("2026-11-18T16:00:00Z").toEpochMilli()));

        // events older than the fine retention go straight to their Shanghai day's bucket
        Counter c = Counter.in(SHANGHAI, Instant.parse("2026-11-25T00:00:00Z"));
        c.events().increment(c.events().series(), Instant.parse("2026-11-17T15:59:59.999Z").toEpochMilli());
        c.events().increment(c.events().series(), Instant.parse("2026-11-17T16:00:00Z").toEpochMilli());
        c.events().increment(c.events().series(), Instant.parse("2026-11-18T15:59:59.999Z").toEpochMilli());
        c.events().increment(c.events().series(), Instant.parse("2026-11-18T16:00:00Z").toEpochMilli());

        assertThat(c.count(Window.day(LocalDate.of(2026, 11, 17)))).isEqualTo(1);
        assertThat(c.count(Window.day(LocalDate.of(2026, 11, 18)))).isEqualTo(2);
        assertThat(c.count(Window.day(LocalDate.of(2026, 11, 19)))).isEqualTo(1);
    }

    @Test
    void isoWeekStartsOnMondayAtLocalMidnight() {
        LocalDate monday = LocalDate.of(2026, 11, 16);
        for (int d = 0; d < 7; d++) {
            Window week = Window.isoWeek(monday.plusDays(d));
            assertThat(week).as("week of " + monday.plusDays(d)).isEqualTo(new Window.Week(monday));
            assertThat(week.label()).isEqualTo("2026-W47");
        }
        assertThat(Window.isoWeek(monday.plusDays(7))).isEqualTo(new Window.Week(monday.plusWeeks(1)));
        assertThat(Window.isoWeek(monday).resolve(SHANGHAI).fromMillis())
                .isEqualTo(Instant.parse("2026-11-15T16:00:00Z").toEpochMilli());
        assertThatThrownBy(() -> new Window.Week(monday.plusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isoWeekAcrossTheYearEndBelongsToItsWeekBasedYear() {
        assertThat(Window.isoWeek(LocalDate.of(2027, 1, 3))).isEqualTo(new Window.Week(LocalDate.of(2026, 12, 28)));
        assertThat(Window.isoWeek(LocalDate.of(2027, 1, 1)).label()).isEqualTo("2026-W53");
        assertThat(Window.isoWeek(LocalDate.of(2027, 1, 4)).label()).isEqualTo("2027-W01");
        assertThat(Window.isoWeek(LocalDate.of(2025, 12, 31)).label()).isEqualTo("2026-W01");
    }

    @Test
    void weekWithSpringForwardIsOneHourShort() {
        Interval week = Window.isoWeek(LocalDate.of(2026, 3, 8)).resolve(NEW_YORK);

        assertThat(Instant.ofEpochMilli(week.fromMillis())).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
        assertThat(Duration.ofMillis(week.lengthMillis())).isEqualTo(Duration.ofDays(7).minus(HOUR));
    }

    @Test
    void monthWindowsFollowTheCalendar() {
        assertThat(Window.month(YearMonth.of(2026, 3)).resolve(NEW_YORK)).isEqualTo(new Interval(
                Instant.parse("2026-03-01T05:00:00Z").toEpochMilli(), Instant.parse("2026-04-01T04:00:00Z").toEpochMilli()));
        assertThat(Duration.ofMillis(Window.month(YearMonth.of(2026, 11)).resolve(NEW_YORK).lengthMillis()))
                .isEqualTo(Duration.ofDays(30).plus(HOUR));
        assertThat(Duration.ofMillis(Window.month(YearMonth.of(2028, 2)).resolve(SHANGHAI).lengthMillis()))
                .isEqualTo(Duration.ofDays(29));
        assertThat(Window.month(YearMonth.of(2026, 2)).label()).isEqualTo("2026-02");
    }

    @Test
    void monthTotalIsTheSumOfItsDays() {
        Counter c = Counter.in(NEW_YORK, Instant.parse("2026-04-03T00:00:00Z"));
        LocalDate first = LocalDate.of(2026, 2, 25);
        long march = 0;
        for (int d = 0; d < 35; d++) { // d + 1 events on each day, at local noon
            LocalDate date = first.plusDays(d);
            for (int i = 0; i <= d; i++) {
                c.events().increment(c.events().series(), date.atTime(12, i).atZone(NEW_YORK).toInstant().toEpochMilli());
            }
            march += date.getMonthValue() == 3 ? d + 1 : 0;
        }

        assertThat(c.count(Window.month(YearMonth.of(2026, 3)))).isEqualTo(march);
        long days = 0;
        for (LocalDate d = LocalDate.of(2026, 3, 1); d.getMonthValue() == 3; d = d.plusDays(1)) {
            days += c.count(Window.day(d));
        }
        assertThat(days).isEqualTo(march);
        assertThat(c.count(Window.month(YearMonth.of(2026, 3)).previous())).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void previousIsTheAdjacentPeriodOfTheSameCalendarLength() {
        Window day = Window.day(LocalDate.of(2026, 3, 8));
        Window week = Window.isoWeek(LocalDate.of(2026, 3, 8));
        Window month = Window.month(YearMonth.of(2026, 3));
        Window trailing = Window.trailingDays(7, LocalDate.of(2026, 3, 10));
        Window range = Window.between(Instant.parse("2026-03-08T03:00:00Z"), Instant.parse("2026-03-08T10:00:00Z"));
        Window hour = Window.hour(Instant.parse("2026-03-08T07:00:00Z"));

        assertThat(day.previous()).isEqualTo(Window.day(LocalDate.of(2026, 3, 7)));
        assertThat(week.previous()).isEqualTo(new Window.Week(LocalDate.of(2026, 2, 23)));
        assertThat(month.previous()).isEqualTo(Window.month(YearMonth.of(2026, 2)));
        assertThat(trailing.previous()).isEqualTo(Window.trailingDays(7, LocalDate.of(2026, 3, 3)));
        assertThat(range.previous()).isEqualTo(Window.between(Instant.parse("2026-03-07T20:00:00Z"),
                Instant.parse("2026-03-08T03:00:00Z")));
        assertThat(hour.previous()).isEqualTo(Window.hour(Instant.parse("2026-03-08T06:00:00Z")));
        for (Window w : List.of(day, week, month, trailing, range, hour)) {
            assertThat(w.previous().resolve(NEW_YORK).toMillis()).as(w.label() + ": previous ends where it starts")
                    .isEqualTo(w.resolve(NEW_YORK).fromMillis());
        }
    }

    @Test
    void theSameHourLastWeekIsTheSameWallClockHourAcrossADaylightSavingChange() {
        // New York fell back on 2026-11-01: 10:00 on Tuesday 3 November is 15:00Z (EST), and
        // 10:00 on Tuesday 27 October was 14:00Z (EDT), 167 elapsed hours earlier.
        Window hour = Window.hour(Instant.parse("2026-11-03T15:00:00Z"));

        assertThat(hour.sameLastWeek().resolve(NEW_YORK)).isEqualTo(new Interval(
                Instant.parse("2026-10-27T14:00:00Z").toEpochMilli(), Instant.parse("2026-10-27T15:00:00Z").toEpochMilli()));
        assertThat(hour.sameLastWeek().resolve(ZoneId.of("Asia/Shanghai")).fromMillis())
                .isEqualTo(Instant.parse("2026-10-27T15:00:00Z").toEpochMilli());
        assertThat(hour.sameLastYear().resolve(NEW_YORK).fromMillis()) // Tuesday 4 November 2025, 10:00 EST
                .isEqualTo(Instant.parse("2025-11-04T15:00:00Z").toEpochMilli());
        assertThat(hour.sameLastWeek().previous().resolve(NEW_YORK).fromMillis())
                .isEqualTo(Instant.parse("2026-10-27T13:00:00Z").toEpochMilli());
    }

    @Test
    void sameLastWeekAndSameLastYearKeepTheCalendarPosition() {
        Window day = Window.day(LocalDate.of(2026, 3, 8));
        assertThat(day.sameLastWeek()).isEqualTo(Window.day(LocalDate.of(2026, 3, 1)));
        assertThat(day.sameLastYear()).isEqualTo(Window.day(LocalDate.of(2025, 3, 8)));
        assertThat(Window.day(LocalDate.of(2028, 2, 29)).sameLastYear()).isEqualTo(Window.day(LocalDate.of(2027, 2, 28)));

        Window week = Window.isoWeek(LocalDate.of(2026, 3, 8));
        assertThat(week.sameLastWeek()).isEqualTo(week.previous());
        Window weekLastYear = week.sameLastYear();
        assertThat(weekLastYear).isEqualTo(new Window.Week(LocalDate.of(2025, 3, 3)));
        assertThat(((Window.Week) weekLastYear).monday().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);

        Window month = Window.month(YearMonth.of(2026, 3));
        assertThat(month.sameLastYear()).isEqualTo(Window.month(YearMonth.of(2025, 3)));
        assertThat(month.sameLastWeek()).isEqualTo(Window.trailingDays(31, LocalDate.of(2026, 3, 24)));

        Window trailing = Window.trailingDays(7, LocalDate.of(2026, 3, 10));
        assertThat(trailing.sameLastWeek()).isEqualTo(Window.trailingDays(7, LocalDate.of(2026, 3, 3)));
        assertThat(trailing.sameLastYear()).isEqualTo(Window.trailingDays(7, LocalDate.of(2025, 3, 10)));

        Window range = Window.between(Instant.parse("2026-06-10T00:00:00Z"), Instant.parse("2026-06-11T00:00:00Z"));
        assertThat(range.sameLastWeek()).isEqualTo(Window.between(Instant.parse("2026-06-03T00:00:00Z"),
                Instant.parse("2026-06-04T00:00:00Z")));
        assertThat(Window.hour(Instant.parse("2026-06-10T14:00:00Z")).sameLastYear().resolve(NEW_YORK))
                .isEqualTo(Window.hour(Instant.parse("2025-06-11T14:00:00Z")).resolve(NEW_YORK)); // 52 weeks: the same weekday
    }

    @Test
    void thisWeekComparesWithThePreviousWeekAndTheSameWeekLastYear() {
        Counter c = Counter.in(NEW_YORK, Instant.parse("2026-03-16T12:00:00Z"));
        LocalDate monday = LocalDate.of(2026, 3, 9);
        for (int d = 0; d < 7; d++) {
            record(c, monday.plusDays(d), 3);              // this week: 3 a day
            record(c, monday.minusWeeks(1).plusDays(d), 2); // the week before: 2 a day
            record(c, monday.minusWeeks(52).plusDays(d), 1); // the same week last year: 1 a day
        }
        Window week = Window.isoWeek(monday);

        assertThat(c.count(week)).isEqualTo(21);
        assertThat(c.count(week.previous())).isEqualTo(14);
        assertThat(c.count(week.sameLastYear())).isEqualTo(7);
        assertThat(c.count(Window.day(monday.plusDays(2)).sameLastWeek())).isEqualTo(2);
        assertThat(c.query(week.sameLastYear()).coverage().complete()).isTrue();
    }

    private static void record(Counter c, LocalDate date, int events) {
        for (int i = 0; i < events; i++) {
            c.events().increment(c.events().series(), date.atTime(9 + i, 0).atZone(NEW_YORK).toInstant().toEpochMilli());
        }
    }
}
