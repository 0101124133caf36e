package dev.northstar.demo;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalDouble;

/** Plain console tables of metric values. */
final class Report {
    private Report() {
    }

    /** One line per metric: value over {@code window}, over the previous period, and the change. */
    static void comparison(PrintWriter w, MetricRegistry registry, Window window, List<String> metrics) {
        Window before = window.previous();
        w.printf("%-26s %18s %18s %9s%n", "metric", window.label(), before.label(), "change");
        for (String m : metrics) {
            OptionalDouble now = headline(registry.query(Query.of(m).window(window)).value());
            OptionalDouble prior = headline(registry.query(Query.of(m).window(before)).value());
            w.printf("%-26s %18s %18s %9s%n", m, format(now), format(prior), change(now, prior));
        }
    }

    /** One line per value of {@code dimension}. */
    static void breakdown(PrintWriter w, MetricRegistry registry, Query query, String dimension) {
        QueryResult now = registry.query(query.groupBy(dimension));
        QueryResult before = registry.query(query.window(query.window().previous()).groupBy(dimension));
        w.printf("%s by %s%n", query.metric(), dimension);
        for (Row row : now.rows()) {
            String label = row.group().get(dimension);
            OptionalDouble prior = before.row(label).map(r -> headline(r.value())).orElse(OptionalDouble.empty());
            OptionalDouble v = headline(row.value());
            w.printf("  %-24s %18s %18s %9s%n", label, format(v), format(prior), change(v, prior));
        }
    }

    /** The number a table shows for a value: the median for distributions, else the headline. */
    static OptionalDouble headline(Value v) {
        return v.value();
    }

    static String format(OptionalDouble v) {
        if (v.isEmpty()) {
            return "no data";
        }
        double d = v.getAsDouble();
        if (Math.abs(d) >= 1000 || (d == Math.rint(d) && Math.abs(d) < 1e15)) {
            return String.format("%,.0f", d);
        }
        return Math.abs(d) >= 10 ? String.format("%.2f", d) : String.format("%.4f", d);
    }

    static String change(OptionalDouble now, OptionalDouble prior) {
        if (now.isEmpty() || prior.isEmpty() || prior.getAsDouble() == 0) {
            return "";
        }
        return String.format("%+.1f%%", 100 * (now.getAsDouble() - prior.getAsDouble()) / prior.getAsDouble());
    }
}
