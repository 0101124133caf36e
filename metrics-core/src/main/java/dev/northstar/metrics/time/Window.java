package dev.northstar.metrics.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A calendar-aligned window of time, resolved in a registry's zone: an hour, a day, an ISO week
 * (Monday to Sunday), a month, the trailing N days as of a date, or an arbitrary
 * {@code [from, to)}; and the comparison windows derived from each.
 *
 * <pre>{@code
 * Window week = Window.isoWeek(LocalDate.of(2026, 11, 18));   // Mon 16th .. Sun 22nd
 * Window before = week.previous();                             // the week before
 * Interval i = week.resolve(ZoneId.of("Asia/Shanghai"));       // starts 2026-11-15T16:00Z
 * }</pre>
 *
 * <p>Days are the zone's calendar days, so a day that changes to or from daylight saving time is
 * 23 or 25 hours long.
 */
public sealed interface Window {

    /** The window as instants in {@code zone}. */
    Interval resolve(ZoneId zone);

    /** The previous period of equal calendar length (yesterday, last week, last month...). */
    Window previous();

    /** The same period one week earlier. */
    Window sameLastWeek();

    /** The same period one year earlier (a week: 52 weeks earlier, to keep the weekdays). */
    Window sameLastYear();

    /** A short label: {@code 2026-11-18}, {@code 2026-W47}, {@code 2026-11}. */
    String label();

    /** The hour starting at {@code hourStart} (an hour boundary of the registry's zone). */
    static Window hour(Instant hourStart) {
        return new Hour(hourStart);
    }

    /** One calendar day. */
    static Window day(LocalDate date) {
        return new Day(date);
    }

    /** The ISO week (Monday to Sunday) containing {@code anyDay}. */
    static Window isoWeek(LocalDate anyDay) {
        return new Week(anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** One calendar month. */
    static Window month(YearMonth month) {
        return new Month(month);
    }

    /** The {@code days} calendar days ending with {@code asOf}, inclusive. */
    static Window trailingDays(int days, LocalDate asOf) {
        return new Trailing(days, asOf);
    }

    /** An arbitrary interval of instants. */
    static Window between(Instant from, Instant to) {
        return new Range(from, to);
    }

    /**
     * An hour: {@code [start, start + 1h)}, moved {@code daysEarlier} calendar days back in the
     * registry's zone. The same hour last week is the same wall-clock hour seven days earlier,
     * which across a daylight-saving change is 167 or 169 elapsed hours back, not 168; so the
     * move is kept as days and applied when the window is resolved in a zone.
     */
    record Hour(Instant start, int daysEarlier) implements Window {
        public Hour {
            Objects.requireNonNull(start);
            if (daysEarlier < 0) {
                throw new IllegalArgumentException("daysEarlier must not be negative: " + daysEarlier);
            }
        }

        /** The hour starting at {@code start}. */
        public Hour(Instant start) {
            this(start, 0);
        }

        @Override public Interval resolve(ZoneId zone) {
            long from = start.atZone(zone).minusDays(daysEarlier).toInstant().toEpochMilli();
            return new Interval(from, from + Duration.ofHours(1).toMillis());
        }

        @Override public Window previous() {
            return new Hour(start.minus(Duration.ofHours(1)), daysEarlier);
        }

        @Override public Window sameLastWeek() {
            return new Hour(start, daysEarlier + 7);
        }

        @Override public Window sameLastYear() {
            return new Hour(start, daysEarlier + 364);
        }

        @Override public String label() {
            return daysEarlier == 0 ? start.toString() : start + " minus " + daysEarlier + " days";
        }
    }

    /** A calendar day. */
    record Day(LocalDate date) implements Window {
        public Day {
            Objects.requireNonNull(date);
        }

        @Override public Interval resolve(ZoneId zone) {
            return calendarDays(date, date.plusDays(1), zone);
        }

        @Override public Window previous() {
            return new Day(date.minusDays(1));
        }

        @Override public Window sameLastWeek() {
            return new Day(date.minusWeeks(1));
        }

        @Override public Window sameLastYear() {
            return new Day(date.minusYears(1));
        }

        @Override public String label() {
            return date.toString();
        }
    }

    /** An ISO week starting on {@code monday}. */
    record Week(LocalDate monday) implements Window {
        public Week {
            if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new IllegalArgumentException("an ISO week starts on a Monday, not " + monday);
            }
        }

        @Override public Interval resolve(ZoneId zone) {
            return calendarDays(monday, monday.plusWeeks(1), zone);
        }

        @Override public Window previous() {
            return new Week(monday.minusWeeks(1));
        }

        @Override public Window sameLastWeek() {
            return previous();
        }

        @Override public Window sameLastYear() {
            return new Week(monday.minusWeeks(52));
        }

        @Override public String label() {
            return monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    /** A calendar month. */
    record Month(YearMonth month) implements Window {
        public Month {
            Objects.requireNonNull(month);
        }

        @Override public Interval resolve(ZoneId zone) {
            return calendarDays(month.atDay(1), month.plusMonths(1).atDay(1), zone);
        }

        @Override public Window previous() {
            return new Month(month.minusMonths(1));
        }

        @Override public Window sameLastWeek() {
            return new Trailing(month.lengthOfMonth(), month.atEndOfMonth().minusWeeks(1));
        }

        @Override public Window sameLastYear() {
            return new Month(month.minusYears(1));
        }

        @Override public String label() {
            return month.toString();
        }
    }

    /** The {@code days} days ending with {@code asOf}. */
    record Trailing(int days, LocalDate asOf) implements Window {
        public Trailing {
            if (days < 1) {
                throw new IllegalArgumentException("a trailing window needs at least one day, was " + days);
            }
            Objects.requireNonNull(asOf);
        }

        @Override public Interval resolve(ZoneId zone) {
            return calendarDays(asOf.minusDays(days - 1L), asOf.plusDays(1), zone);
        }

        @Override public Window previous() {
            return new Trailing(days, asOf.minusDays(days));
        }

        @Override public Window sameLastWeek() {
            return new Trailing(days, asOf.minusWeeks(1));
        }

        @Override public Window sameLastYear() {
            return new Trailing(days, asOf.minusYears(1));
        }

        @Override public String label() {
            return days + "d to " + asOf;
        }
    }

    /** An arbitrary {@code [from, to)}; its previous period is the same length just before. */
    record Range(Instant from, Instant to) implements Window {
        public Range {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
            }
        }

        @Override public Interval resolve(ZoneId zone) {
            return new Interval(from.toEpochMilli(), to.toEpochMilli());
        }

        @Override public Window previous() {
            Duration d = Duration.between(from, to);
            return new Range(from.minus(d), from);
        }

        @Override public Window sameLastWeek() {
            return new Range(from.minus(Duration.ofDays(7)), to.minus(Duration.ofDays(7)));
        }

        @Override public Window sameLastYear() {
            return new Range(from.minus(Duration.ofDays(364)), to.minus(Duration.ofDays(364)));
        }

        @Override public String label() {
            return from + ".." + to;
        }
    }

    private static Interval calendarDays(LocalDate from, LocalDate toExclusive, ZoneId zone) {
        return new Interval(from.atStartOfDay(zone).toInstant().toEpochMilli(),
                toExclusive.atStartOfDay(zone).toInstant().toEpochMilli());
    }
}
