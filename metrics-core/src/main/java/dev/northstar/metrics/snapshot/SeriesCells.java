package dev.northstar.metrics.snapshot;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        TreeMap<List<String>, Cell> sorted = new TreeMap<>(SeriesCells::compareLabels);
        series.forEach((k, v) -> sorted.put(List.copyOf(k), v));
        series = java.util.Collections.unmodifiableMap(sorted);
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

    /** Merges another bucket with the same bounds, series by series. */
    SeriesCells merge(SeriesCells other) {
        TreeMap<List<String>, Cell> out = new TreeMap<>(SeriesCells::compareLabels);
        out.putAll(series);
        other.series.forEach((k, v) -> out.merge(k, v, Cell::merge));
        return new SeriesCells(day, startMillis, endMillis, out);
    }
}
