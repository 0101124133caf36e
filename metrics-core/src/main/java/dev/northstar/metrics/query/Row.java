package dev.northstar.metrics.query;

import java.util.Map;

/**
 * One result row: the group's dimension labels (empty without group-by) and its value.
 *
 * @param group labels by group-by dimension name, in group-by order
 * @param value the value and its parts
 */
public record Row(Map<String, String> group, Value value) {
    public Row {
        group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
    }
}
