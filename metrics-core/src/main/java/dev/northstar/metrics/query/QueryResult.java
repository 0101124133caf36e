package dev.northstar.metrics.query;

import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.time.Interval;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a {@link Query}: the resolved interval, whether the data covers it, and the rows.
 *
 * @param metric   the metric's name
 * @param kind     its kind
 * @param interval the window as instants
 * @param coverage whether the window is fully covered by retained data, and why not
 * @param rows     one row without group-by; one per group otherwise, sorted by labels
 */
public record QueryResult(String metric, MetricKind kind, Interval interval, Coverage coverage, List<Row> rows) {
    public QueryResult {
        rows = List.copyOf(rows);
    }

    /** The single row of an ungrouped query (or the first row). */
    public Optional<Row> single() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The value of an ungrouped query. */
    public Value value() {
        return rows.get(0).value();
    }

    /** The row of a group, given its labels in group-by order. */
    public Optional<Row> row(String... labels) {
        return rows.stream().filter(r -> List.copyOf(r.group().values()).equals(List.of(labels))).findFirst();
    }

    /**
     * Whether the data covers the window.
     *
     * @param complete   true when every instant of the window is in retained buckets
     * @param inProgress true when the window ends after the data was taken
     * @param notes      why the window is not complete, in plain words
     */
    public record Coverage(boolean complete, boolean inProgress, List<String> notes) {
        public Coverage {
            notes = List.copyOf(notes);
        }
    }

    /** Group labels of every row, for display. */
    public List<Map<String, String>> groups() {
        return rows.stream().map(Row::group).toList();
    }
}
