package dev.northstar.metrics;

import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The fixed day most tests record into, in the zone of the domain demos. */
public final class Calendar {
    /** Asia/Shanghai: UTC+8 all year. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Wednesday. */
    public static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    /** Midnight starting {@link #DAY} in {@link #ZONE}. */
    public static final Instant DAY_START = DAY.atStartOfDay(ZONE).toInstant();

    private Calendar() {
    }

    /** The instant {@code hours} (and {@code minutes}) after the start of {@link #DAY}. */
    public static Instant at(int hours, int minutes) {
        return DAY_START.plus(Duration.ofHours(hours)).plus(Duration.ofMinutes(minutes));
    }

    /** {@link #at} in epoch milliseconds. */
    public static long millis(int hours, int minutes) {
        return at(hours, minutes).toEpochMilli();
    }

    /** A registry in {@link #ZONE} on {@code clock}, with the default retentions. */
    public static MetricRegistry registry(ManualClock clock, Mode mode) {
        return MetricRegistry.builder().zone(ZONE).clock(clock).mode(mode).build();
    }

    /** A lenient registry in {@link #ZONE} on {@code clock}. */
    public static MetricRegistry registry(ManualClock clock) {
        return registry(clock, Mode.LENIENT);
    }
}
