package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Events far in the past or future, late events, and buckets resolved once per event. */
class EventTimeTest {
    private final ManualClock clock = new ManualClock(Calendar.at(12, 30));
    private final MetricRegistry registry = MetricRegistry.builder().zone(Calendar.ZONE).clock(clock)
            .dayRetention(30).build();
    private final CountMetric payments = registry.register(MetricDefinition.count("payments")
            .description("Payments").build());
    private final int series = payments.series();

    private Value count(Window w) {
        return registry.query(Query.of(payments).window(w)).value();
    }

    private static Window hour(int h) {
        return Window.hour(Calendar.at(h, 0));
    }

    @Test
    void refusesEventOlderThanDayRetentionAndCountsIt() {
        LocalDate oldestKept = Calendar.DAY.minusDays(29);
        long justTooOld = oldestKept.atStartOfDay(Calendar.ZONE).toInstant().toEpochMilli() - 1;

        payments.increment(series, justTooOld);
        payments.increment(series, justTooOld + 1);
        payments.increment(series, Long.MIN_VALUE);

        assertThat(registry.health().refused(RefusalReason.TOO_OLD)).isEqualTo(2);
        assertThat(count(Window.day(oldestKept))).isEqualTo(new Value.Count(1));
        assertThat(count(Window.day(oldestKept.minusDays(1)))).isEqualTo(new Value.Count(0));
    }

    @Test
    void refusesEventTooFarInTheFutureAndCountsIt() {
        clock.set(Calendar.at(12, 58));

        payments.increment(series, Calendar.millis(13, 4));      // six minutes ahead: past the 5-minute skew
        payments.increment(series, Calendar.millis(36, 0));      // tomorrow
        payments.increment(series, Long.MAX_VALUE);
        payments.increment(series, Calendar.millis(13, 2));      // four minutes ahead: allowed

        assertThat(registry.health().refused(RefusalReason.TOO_FAR_IN_FUTURE)).isEqualTo(3);
        assertThat(count(hour(13))).isEqualTo(new Value.Count(1));
    }

    @Test
    void refusesAFutureEventEvenWhenItFallsInTheCurrentBucket() {
        clock.set(Calendar.at(12, 1));
        payments.increment(series);                               // 12:01: the current bucket is 12:00-13:00

        payments.increment(series, Calendar.millis(12, 59));      // 58 minutes ahead, same bucket
        payments.increment(series, Calendar.millis(12, 7));       // six minutes ahead
        payments.increment(series, Calendar.millis(12, 5));       // four minutes ahead: allowed
        clock.set(Calendar.at(12, 55));
        payments.increment(series, Calendar.millis(12, 59));      // four minutes ahead now: allowed

        assertThat(registry.health().refused(RefusalReason.TOO_FAR_IN_FUTURE)).isEqualTo(2);
        assertThat(count(hour(12))).isEqualTo(new Value.Count(3));
    }

    @Test
    void countsLateEventAsLateAndRecordsItInItsOwnBucket() {
        payments.increment(series);                               // now, 12:30
        payments.increment(series, Calendar.millis(9, 15));       // three hours late

        assertThat(registry.health().late()).isEqualTo(1);
        assertThat(registry.health().totalRefused()).isZero();
        assertThat(count(hour(9))).isEqualTo(new Value.Count(1));
        assertThat(count(hour(12))).isEqualTo(new Value.Count(1));
        assertThat(count(Window.day(Calendar.DAY))).isEqualTo(new Value.Count(2));
    }

    @Test
    void recordsALateEventPastTheFineRetentionIntoItsDay() {
        LocalDate threeDaysAgo = Calendar.DAY.minusDays(3);
        payments.increment(series, Calendar.millis(10, 0) - Duration.ofDays(3).toMillis());

        assertThat(registry.health().late()).isEqualTo(1);
        assertThat(count(Window.day(threeDaysAgo))).isEqualTo(new Value.Count(1));
    }

    @Test
    void keepsALateEventFromAnHourThatLeftTheFineBucketsWhileNothingWasRecordedNow() {
        Instant tenOClock = Calendar.at(10, 0);
        clock.set(tenOClock.plus(Duration.ofMinutes(30)));
        payments.increment(series);                                                // 10:30, now
        payments.increment(series, Calendar.millis(9, 30));                        // 09:30, late
        clock.set(tenOClock.plus(Duration.ofHours(51)));                           // two quiet days later
        payments.increment(series, tenOClock.plus(Duration.ofHours(50)).toEpochMilli());  // late hours that
        payments.increment(series, tenOClock.plus(Duration.ofHours(49)).toEpochMilli());  // push 09:00, 10:00 out

        payments.increment(series, Calendar.millis(10, 45));                      // very late, for 10:45

        assertThat(count(Window.day(Calendar.DAY))).isEqualTo(new Value.Count(3));
    }

    @Test
    void refusedBucketIsNullCountedOnceAndRecordsNothing() {
        Bucket refused = registry.bucketAt(Calendar.millis(12, 0) - Duration.ofDays(40).toMillis());

        payments.increment(refused, series);
        payments.add(refused, series, 3);

        assertThat(refused).isNull();
        assertThat(registry.health().refused(RefusalReason.TOO_OLD)).isEqualTo(1);
        assertThat(registry.health().totalRefused()).isEqualTo(1);
        assertThat(count(Window.day(Calendar.DAY))).isEqualTo(new Value.Count(0));
    }

    @Test
    void recordsEveryMetricOfAnEventInTheBucketResolvedOnce() {
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").description("TPV").build());
        Bucket b = registry.bucketAt(Calendar.millis(11, 20));

        payments.increment(b, series);
        tpv.add(b, tpv.series(), 1_250);

        assertThat(b.startMillis()).isEqualTo(Calendar.millis(11, 0));
        assertThat(b.endMillis()).isEqualTo(Calendar.millis(12, 0));
        assertThat(count(hour(11))).isEqualTo(new Value.Count(1));
        assertThat(registry.query(Query.of(tpv).window(hour(11))).value()).isEqualTo(new Value.Sum(1_250));
    }

    @Test
    void refusesBucketFromAnotherRegistryAndCountsIt() {
        MetricRegistry other = Calendar.registry(clock);
        Bucket foreign = other.bucketAt(Calendar.millis(12, 0));
        Bucket madeUp = new Bucket() {
            @Override public long startMillis() {
                return Calendar.millis(12, 0);
            }

            @Override public long endMillis() {
                return Calendar.millis(13, 0);
            }
        };

        payments.increment(foreign, series);
        payments.add(madeUp, series, 2);

        assertThat(registry.health().refused(RefusalReason.FOREIGN_BUCKET)).isEqualTo(2);
        assertThat(count(Window.day(Calendar.DAY))).isEqualTo(new Value.Count(0));
    }
}
