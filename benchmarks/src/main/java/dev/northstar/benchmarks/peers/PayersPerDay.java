package dev.northstar.benchmarks.peers;

import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a user of an ops-metrics library writes for "distinct payers per day", since none has a
 * distinct count: an exact concurrent set of payer ids per calendar day (UTC+8), whose size is
 * published through the library's callback gauge. Exact, but memory grows with the payers (a boxed
 * {@code Long} and a map node each, about 60 bytes) and every first sighting allocates.
 */
public final class PayersPerDay {
    private static final long DAY = 86_400_000L;
    private static final long OFFSET = ZoneOffset.ofHours(8).getTotalSeconds() * 1000L;
    private final ConcurrentHashMap<Long, Set<Long>> days = new ConcurrentHashMap<>();

    /** Adds a payer to the day of {@code atMillis}. */
    public void add(long atMillis, long payerId) {
        long day = Math.floorDiv(atMillis + OFFSET, DAY);
        Set<Long> payers = days.get(day);
        if (payers == null) {
            payers = days.computeIfAbsent(day, d -> ConcurrentHashMap.newKeySet());
        }
        payers.add(payerId);
    }

    /** Distinct payers on the latest day seen (what the gauge reports). */
    public double today() {
        return days.isEmpty() ? 0 : days.get(days.keySet().stream().max(Long::compare).orElseThrow()).size();
    }
}
