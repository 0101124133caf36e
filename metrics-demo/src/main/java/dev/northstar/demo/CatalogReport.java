package dev.northstar.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Every metric of a catalog over one window, as rows for a table or a JSON document. */
final class CatalogReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CatalogReport() {
    }

    /** The report of {@code definitions} over {@code window}, as plain maps ready for JSON. */
    static Map<String, Object> of(MetricRegistry registry, List<MetricDefinition<?>> definitions, Window window) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("window", window.label());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (MetricDefinition<?> d : definitions) {
            metrics.put(d.name(), metric(d, registry.query(Query.of(d).window(window))));
        }
        doc.put("metrics", metrics);
        return doc;
    }

    static String json(Object doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> metric(MetricDefinition<?> d, QueryResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name().toLowerCase());
        m.put("unit", d.unit().symbol());
        if (d.currency() != null) {
            m.put("currency", d.currency());
        }
        m.put("from", Instant.ofEpochMilli(r.interval().fromMillis()).toString());
        m.put("to", Instant.ofEpochMilli(r.interval().toMillis()).toString());
        m.put("complete", r.coverage().complete());
        Value v = r.value();
        m.put("value", number(v.value()));
        m.put("parts", parts(v));
        return m;
    }

    static Object number(OptionalDouble v) {
        if (v.isEmpty()) {
            return null;
        }
        double d = v.getAsDouble();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }

    private static Map<String, Object> parts(Value v) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (v instanceof Value.Count c) {
            p.put("count", c.count());
        } else if (v instanceof Value.Sum s) {
            p.put("sum", s.sum());
        } else if (v instanceof Value.Ratio r) {
            p.put("numerator", r.numerator());
            p.put("denominator", r.denominator());
        } else if (v instanceof Value.Distribution d) {
            p.put("count", d.count());
            p.put("min", d.min());
            p.put("max", d.max());
            p.put("mean", d.mean());
            d.quantiles().forEach((q, x) -> p.put("p" + Math.round(q * 100), x));
        } else if (v instanceof Value.Distinct d) {
            p.put("estimate", d.estimate());
            p.put("lower_bound", d.lowerBound());
            p.put("upper_bound", d.upperBound());
        } else if (v instanceof Value.Gauge g) {
            p.put("level", g.present() ? g.level() : null);
        } else if (v instanceof Value.Derived d) {
            d.parts().forEach((name, x) -> p.put(name, number(x)));
        } else if (v instanceof Value.Funnel f) {
            for (Value.Step s : f.steps()) {
                p.put(s.name(), s.reached());
            }
        } else if (v instanceof Value.Retention r) {
            p.put("cohort", r.cohort());
            for (Value.Offset o : r.offsets()) {
                p.put("d" + o.days(), number(o.rate()));
            }
        }
        return p;
    }
}
