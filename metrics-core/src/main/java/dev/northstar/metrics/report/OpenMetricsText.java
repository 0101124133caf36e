package dev.northstar.metrics.report;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Current values of chosen metrics in the OpenMetrics 1.0 text format (which Prometheus scrapes
 * with {@code Accept: application/openmetrics-text; version=1.0.0}).
 *
 * <pre>{@code
 * String body = OpenMetricsText.render(registry, Window.day(LocalDate.now(zone)),
 *         List.of("transactions", "tpv", "success_rate", "auth_latency", "active_payers"));
 * // serve with Content-Type: application/openmetrics-text; version=1.0.0; charset=utf-8
 * }</pre>
 *
 * <p>Each metric is queried over the window, one sample per series (grouped by all its
 * dimensions, labels named as the dimensions). Kinds map as follows, names prefixed
 * {@code northstar_} unless a prefix is given:
 * <ul>
 * <li>count: a counter, {@code <name>_total};</li>
 * <li>sum: a counter, {@code <name>_total} (money in minor currency units; the currency is in
 *     HELP);</li>
 * <li>ratio: counters {@code <name>_numerator_total} and {@code <name>_denominator_total}, and a
 *     gauge {@code <name>} whose sample is left out when the denominator is zero;</li>
 * <li>distribution: a summary with {@code quantile} labels 0.5, 0.9, 0.95, 0.99, {@code _count}
 *     and {@code _sum} (the sum is mean × count, rounded);</li>
 * <li>distinct, gauge and derived: a gauge (derived left out when it cannot be computed); funnel
 *     and retention are not exported ({@link Exposition#exposed}).</li>
 * </ul>
 * A time unit becomes a {@code # UNIT} line and a name suffix ({@code _milliseconds},
 * {@code _microseconds}), as OpenMetrics requires. Names are sanitized to
 * {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; label values and HELP text are escaped ({@code \\},
 * {@code \"}, {@code \n}). Counters are totals over the window: a window that moves (today)
 * starts again at zero, which Prometheus reads as a counter reset.
 *
 * <p>The output is checked by an independent strict parser, the Prometheus Python client's
 * {@code prometheus_client.openmetrics.parser} ({@code OpenMetricsTextPrometheusParserTest}).
 *
 * <p>Bad input: a name the registry does not know throws {@link IllegalArgumentException} naming
 * it; a name given twice is written once. Two metrics whose names would meet in the text (a
 * ratio {@code x} beside a count {@code x_numerator}, a count {@code a} beside a gauge
 * {@code a_total}) and a distribution with a dimension named {@code quantile} throw
 * {@link IllegalArgumentException} naming them, since no parser would accept what they make. No
 * value is ever written as NaN (a sample with no data is left out).
 */
public final class OpenMetricsText {
    /** The content type to serve the output with. */
    public static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private OpenMetricsText() {
    }

    /** The chosen metrics over {@code window}, names prefixed {@code northstar_}. */
    public static String render(MetricRegistry registry, Window window, Collection<String> metrics) {
        return render(registry, window, metrics, "northstar_");
    }

    /** The chosen metrics over {@code window}, names prefixed with {@code prefix} (may be empty). */
    public static String render(MetricRegistry registry, Window window, Collection<String> metrics, String prefix) {
        StringBuilder out = new StringBuilder();
        Map<String, String> claimed = new HashMap<>();
        for (String name : new LinkedHashSet<>(metrics)) {
            MetricDefinition<?> d = Exposition.definition(registry, name);
            if (!Exposition.exposed(d.kind())) {
                continue;
            }
            String[] dims = d.dimensions().stream().map(Dimension::name).toArray(String[]::new);
            if (d.kind() == MetricKind.DISTRIBUTION && Arrays.asList(dims).contains("quantile")) {
                throw new IllegalArgumentException("metric " + name
                        + " has a dimension named quantile, which its summary's quantile label would repeat");
            }
            QueryResult r = registry.query(Query.of(name).window(window).groupBy(dims));
            family(out, d, sanitize(prefix + name), r, claimed);
        }
        return out.append("# EOF\n").toString();
    }

    private static void family(StringBuilder out, MetricDefinition<?> d, String base, QueryResult r,
                               Map<String, String> claimed) {
        String unit = Exposition.baseUnit(d.unit()).orElse(null);
        String name = unit == null || base.endsWith("_" + unit) ? base : base + "_" + unit;
        String help = Exposition.help(d);
        switch (d.kind()) {
            case COUNT:
            case SUM:
                header(out, claim(claimed, d, name, "counter"), "counter", unit, help);
                for (Row row : r.rows()) {
                    sample(out, name + "_total", row.group(), null, Long.toString(Exposition.totals(row.value())[0]));
                }
                break;
            case RATIO:
                header(out, claim(claimed, d, name + "_numerator", "counter"), "counter", null, help + ": numerator");
                r.rows().forEach(row -> sample(out, name + "_numerator_total", row.group(), null,
                        Long.toString(Exposition.totals(row.value())[0])));
                header(out, claim(claimed, d, name + "_denominator", "counter"), "counter", null,
                        help + ": denominator");
                r.rows().forEach(row -> sample(out, name + "_denominator_total", row.group(), null,
                        Long.toString(Exposition.totals(row.value())[1])));
                header(out, claim(claimed, d, name, "gauge"), "gauge", null, help);
                r.rows().forEach(row -> gauge(out, name, row.group(), row.value().value()));
                break;
            case DISTRIBUTION:
                header(out, claim(claimed, d, name, "summary"), "summary", unit, help);
                for (Row row : r.rows()) {
                    Value.Distribution v = (Value.Distribution) row.value();
                    if (v.count() > 0) {
                        for (Map.Entry<Double, Long> q : new TreeMap<>(v.quantiles()).entrySet()) {
                            sample(out, name, row.group(), number(q.getKey()), Long.toString(q.getValue()));
                        }
                    }
                    sample(out, name + "_count", row.group(), null, Long.toString(v.count()));
                    sample(out, name + "_sum", row.group(), null,
                            Long.toString(v.count() == 0 ? 0 : Math.round(v.mean() * v.count())));
                }
                break;
            default:
                header(out, claim(claimed, d, name, "gauge"), "gauge", unit, help);
                r.rows().forEach(row -> gauge(out, name, row.group(), row.value().value()));
                break;
        }
    }

    /**
     * Claims a family's name and the sample names its type adds, so that two metrics whose names
     * meet (a ratio {@code x} and a count {@code x_numerator}, a count {@code a} and a gauge
     * {@code a_total}) are refused rather than written as text no parser accepts.
     */
    private static String claim(Map<String, String> claimed, MetricDefinition<?> d, String family, String type) {
        List<String> suffixes = switch (type) {
            case "counter" -> List.of("", "_total", "_created");
            case "summary" -> List.of("", "_count", "_sum", "_created");
            default -> List.of("");
        };
        for (String suffix : suffixes) {
            String other = claimed.putIfAbsent(family + suffix, d.name());
            if (other != null) {
                throw new IllegalArgumentException("metrics " + other + " and " + d.name() + " would both write "
                        + family + suffix + "; leave one out or rename it");
            }
        }
        return family;
    }

    private static void gauge(StringBuilder out, String name, Map<String, String> labels, OptionalDouble v) {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            sample(out, name, labels, null, number(v.getAsDouble()));
        }
    }

    private static void header(StringBuilder out, String name, String type, String unit, String help) {
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        if (unit != null) {
            out.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
        }
        out.append("# HELP ").append(name).append(' ').append(escape(help)).append('\n');
    }

    private static void sample(StringBuilder out, String name, Map<String, String> labels, String quantile,
                               String value) {
        out.append(name);
        if (!labels.isEmpty() || quantile != null) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, String> l : labels.entrySet()) {
                out.append(sep).append(sanitizeLabel(l.getKey())).append("=\"").append(escape(l.getValue()))
                        .append('"');
                sep = ",";
            }
            if (quantile != null) {
                out.append(sep).append("quantile=\"").append(quantile).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String sanitize(String name) {
        String s = name.replaceAll("[^a-zA-Z0-9_:]", "_");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    private static String sanitizeLabel(String name) {
        String s = name.replaceAll("[^a-zA-Z0-9_]", "_");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) || s.startsWith("__") ? "_" + s : s;
    }
}
