package dev.northstar.metrics.snapshot;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of one metric in one time bucket, keyed by the series' dimension labels (in the
 * definition's dimension order; reserved codes appear as {@code (unknown)} and {@code (other)}).
 * Labels, not codes, identify series here, because open dimensions assign codes per instance.
 *
 * @param day         whether the bucket is a calendar day (else a fine bucket)
 * @param startMillis bucket start, inclusive
 * @param endMillis   bucket end, exclusive
 * @param series      cells by series labels, sorted
 */
public record SeriesCells(boolean day, long startMillis, long endMillis, Map<List<String>, Cell> series) {
    public SeriesCells {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("bucket ends before it starts");
        }
        series = sortedCopy(series);
    }

    /**
     * An unmodifiable copy in label order, with immutable copies of the keys. The entries are
     * sorted as a list, which costs one comparison per entry when they already come in order (a
     * decoded or merged bucket), where inserting them into a sorted tree would cost log n each.
     */
    private static Map<List<String>, Cell> sortedCopy(Map<List<String>, Cell> series) {
        List<Map.Entry<List<String>, Cell>> entries = new ArrayList<>(series.size());
        series.forEach((k, v) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(List.copyOf(k), v)));
        entries.sort(Map.Entry.comparingByKey(SeriesCells::compareLabels));
        Map<List<String>, Cell> sorted = new LinkedHashMap<>(Math.max(16, (int) (entries.size() / 0.75f) + 1));
        for (Map.Entry<List<String>, Cell> e : entries) {
            sorted.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(sorted);
    }

    /** Orders label lists element by element. */
    public static int compareLabels(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Merges another bucket with the same bounds, series by series, walking both in label order. */
    SeriesCells merge(SeriesCells other) {
        Map<List<String>, Cell> out = new LinkedHashMap<>();
        Iterator<Map.Entry<List<String>, Cell>> mine = series.entrySet().iterator();
        Iterator<Map.Entry<List<String>, Cell>> theirs = other.series.entrySet().iterator();
        Map.Entry<List<String>, Cell> a = mine.hasNext() ? mine.next() : null;
        Map.Entry<List<String>, Cell> b = theirs.hasNext() ? theirs.next() : null;
        while (a != null || b != null) {
            int c = a == null ? 1 : b == null ? -1 : compareLabels(a.getKey(), b.getKey());
            if (c <= 0) {
                out.put(a.getKey(), c == 0 ? a.getValue().merge(b.getValue()) : a.getValue());
                a = mine.hasNext() ? mine.next() : null;
            }
            if (c >= 0) {
                if (c > 0) {
                    out.put(b.getKey(), b.getValue());
                }
                b = theirs.hasNext() ? theirs.next() : null;
            }
        }
        return new SeriesCells(day, startMillis, endMillis, out);
    }
}
