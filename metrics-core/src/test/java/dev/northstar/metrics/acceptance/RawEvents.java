package dev.northstar.metrics.acceptance;

import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.time.Interval;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw payments a test recorded, with the labels each one's series carries, and the selection
 * every brute-force computation starts from: the payments in a window that pass a slice's filter,
 * by group.
 *
 * <p>Labels are worked out here from the dimension rules, not asked of the registry: enum constant
 * name, {@code true}/{@code false}, the merchant string for the first {@code merchantLimit}
 * merchants in recording order and {@code (other)} after that, {@code (unknown)} for null (and for
 * the empty merchant).
 */
public final class RawEvents {
    /** A payment and its series labels, in dimension order. */
    public record Labelled(Payment payment, List<String> labels) {
        public long at() {
            return payment.atMillis();
        }
    }

    private final int merchantLimit;
    private final Map<String, String> merchantLabels = new HashMap<>();
    private final List<Labelled> events = new ArrayList<>();
    private List<Labelled> byTime;

    public RawEvents(int merchantLimit) {
        this.merchantLimit = merchantLimit;
    }

    /** Keeps a payment, in recording order. */
    public void recorded(Payment p) {
        String channel = p.channel() == null ? Dimension.UNKNOWN : p.channel().name();
        String cross = p.crossBorder() == null ? Dimension.UNKNOWN : p.crossBorder().toString();
        events.add(new Labelled(p, List.of(channel, merchantLabel(p.merchant()), cross)));
    }

    private String merchantLabel(String merchant) {
        if (merchant == null || merchant.isEmpty()) {
            return Dimension.UNKNOWN;
        }
        return merchantLabels.computeIfAbsent(merchant,
                m -> merchantLabels.size() < merchantLimit ? m : Dimension.OTHER);
    }

    public List<Labelled> all() {
        return events;
    }

    /** The payments at {@code [from, to)} that pass the slice's filter, by group key (each group in time order). */
    public Map<List<String>, List<Labelled>> select(Interval window, Slice slice) {
        List<Labelled> sorted = byTime();
        Map<List<String>, List<Labelled>> out = new HashMap<>();
        for (int i = firstAtOrAfter(sorted, window.fromMillis()); i < sorted.size(); i++) {
            Labelled e = sorted.get(i);
            if (e.at() >= window.toMillis()) {
                break;
            }
            if (slice.matches(e.labels())) {
                out.computeIfAbsent(slice.key(e.labels()), k -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    private List<Labelled> byTime() {
        if (byTime == null || byTime.size() != events.size()) {
            byTime = new ArrayList<>(events);
            byTime.sort(Comparator.comparingLong(Labelled::at));
        }
        return byTime;
    }

    private static int firstAtOrAfter(List<Labelled> sorted, long millis) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).at() < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code window} moved by {@code days} calendar days of {@code zone} (a retention offset). */
    public static Interval shift(Interval window, int days, ZoneId zone) {
        return new Interval(shift(window.fromMillis(), days, zone), shift(window.toMillis(), days, zone));
    }

    private static long shift(long millis, int days, ZoneId zone) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone).plusDays(days).toInstant().toEpochMilli();
    }
}
