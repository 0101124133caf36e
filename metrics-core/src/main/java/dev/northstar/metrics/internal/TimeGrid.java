package dev.northstar.metrics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.HashSet;
import java.util.Set;

/**
 * The registry's time buckets: fine buckets of a fixed elapsed length (the grain, an hour by
 * default) and calendar days of the registry's zone.
 *
 * <p>Fine buckets are counted in elapsed time from an anchor, so a spring-forward day holds 23
 * hourly buckets and a fall-back day 25: the repeated local hour is two real hours and two
 * buckets. For every local midnight to fall on a bucket boundary, each UTC offset the zone has
 * used since 1970 must sit on the same grain grid; a grain that does not (30-minute offsets with
 * an hour grain and a zone that changes between them, as Lord Howe Island does) is refused when
 * the registry is built.
 */
public final class TimeGrid {
    private static final long EPOCH_1970 = 0;

    private final ZoneId zone;
    private final long grainMillis;
    private final long anchorMillis;

    public TimeGrid(ZoneId zone, Duration grain) {
        this.zone = zone;
        this.grainMillis = grain.toMillis();
        if (grainMillis < 60_000 || grainMillis > 3_600_000 || 3_600_000 % grainMillis != 0) {
            throw new IllegalArgumentException("grain must be a whole number of minutes dividing one hour, was "
                    + grain);
        }
        Set<Integer> residues = new HashSet<>();
        for (ZoneOffset offset : offsetsSince1970(zone.getRules())) {
            residues.add((int) Math.floorMod(offset.getTotalSeconds() * 1000L, grainMillis));
        }
        if (residues.size() > 1) {
            throw new IllegalArgumentException("zone " + zone + " has UTC offsets that do not all fall on a "
                    + grain.toMinutes() + "-minute grid; use a finer grain");
        }
        this.anchorMillis = residues.isEmpty() ? 0 : -residues.iterator().next();
    }

    private static Set<ZoneOffset> offsetsSince1970(ZoneRules rules) {
        Set<ZoneOffset> offsets = new HashSet<>();
        offsets.add(rules.getOffset(Instant.ofEpochMilli(EPOCH_1970)));
        for (ZoneOffsetTransition t : rules.getTransitions()) {
            if (t.toEpochSecond() >= EPOCH_1970) {
                offsets.add(t.getOffsetBefore());
                offsets.add(t.getOffsetAfter());
            }
        }
        for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
            offsets.add(r.getOffsetBefore());
            offsets.add(r.getOffsetAfter());
        }
        return offsets;
    }

    public ZoneId zone() {
        return zone;
    }

    public long grainMillis() {
        return grainMillis;
    }

    /** Index of the fine bucket holding {@code epochMillis}. */
    public long bucket(long epochMillis) {
        return Math.floorDiv(epochMillis - anchorMillis, grainMillis);
    }

    /** Start of fine bucket {@code index}, in epoch milliseconds. */
    public long bucketStart(long index) {
        return anchorMillis + index * grainMillis;
    }

    /** The zone's calendar day (epoch day) holding {@code epochMillis}. */
    public long day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone).toEpochDay();
    }

    /** Start of calendar day {@code epochDay} in the zone, in epoch milliseconds. */
    public long dayStart(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
