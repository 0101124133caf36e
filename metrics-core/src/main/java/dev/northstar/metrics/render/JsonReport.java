package dev.northstar.metrics.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.northstar.metrics.attribution.Attribution;
import dev.northstar.metrics.attribution.DimensionAttribution;
import dev.northstar.metrics.attribution.FactorAttribution;
import dev.northstar.metrics.attribution.FactorContribution;
import dev.northstar.metrics.attribution.SegmentContribution;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.scorecard.FormulaCheck;
import dev.northstar.metrics.scorecard.NodeScore;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.scorecard.Significance;
import dev.northstar.metrics.scorecard.Trend;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A scorecard (and optionally its attribution) as JSON, through Jackson, for dashboards and
 * other programs.
 *
 * <pre>{@code
 * String json = JsonReport.render(card, why);
 * ObjectNode tree = JsonReport.tree(card, Optional.of(why));   // to embed in a larger document
 * }</pre>
 *
 * <p>Numbers are raw, in each metric's unit as stored: money in minor currency units (with
 * {@code unit} and {@code currency} beside it), ratios in [0, 1], changes as fractions
 * ({@code 0.05} = 5%); instants are ISO-8601 UTC. A missing or non-finite number is JSON
 * {@code null} ("no data"), never NaN. Enumerations are their Java constant names
 * ({@code "ON_TRACK"}, {@code "TWO_PROPORTION_Z"}).
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The scorecard as pretty-printed JSON. */
    public static String render(Scorecard card) {
        return write(tree(card, Optional.empty()));
    }

    /** The scorecard and attribution as pretty-printed JSON. */
    public static String render(Scorecard card, Attribution attribution) {
        return write(tree(card, Optional.of(attribution)));
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /** The JSON tree of a scorecard and, if given, its attribution. */
    public static ObjectNode tree(Scorecard card, Optional<Attribution> attribution) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("northStar", card.northStar());
        window(root.putObject("window"), card.window(), card.zone());
        window(root.putObject("comparison"), card.comparison(), card.zone());
        root.put("zone", card.zone().getId());
        root.put("stakeholder", card.stakeholder().map(s -> s.name()).orElse(null));
        ObjectNode options = root.putObject("options");
        options.put("trendPeriods", card.options().trendPeriods());
        options.put("significanceLevel", card.options().significanceLevel());
        options.put("formulaTolerance", card.options().formulaTolerance());
        ArrayNode nodes = root.putArray("nodes");
        card.nodes().forEach(n -> node(nodes.addObject(), n));
        ArrayNode checks = root.putArray("checks");
        card.checks().forEach(c -> check(checks.addObject(), c));
        attribution.ifPresent(a -> attribution(root.putObject("attribution"), a));
        return root;
    }

    private static void window(ObjectNode o, Window w, ZoneId zone) {
        Interval i = w.resolve(zone);
        o.put("label", w.label());
        o.put("from", Instant.ofEpochMilli(i.fromMillis()).toString());
        o.put("to", Instant.ofEpochMilli(i.toMillis()).toString());
    }

    private static void node(ObjectNode o, NodeScore n) {
        MetricDefinition<?> d = n.definition();
        o.put("metric", n.metric());
        o.put("role", n.role().name());
        o.put("parent", n.parent().orElse(null));
        o.put("depth", n.depth());
        o.put("kind", d.kind().name());
        o.put("unit", d.unit().name());
        o.put("currency", d.currency());
        o.put("direction", d.direction().name());
        o.put("description", d.description());
        ArrayNode who = o.putArray("stakeholders");
        d.stakeholders().forEach(s -> who.add(s.name()));
        o.put("formula", n.formula().orElse(null));
        number(o, "value", n.current().value());
        number(o, "prior", n.prior().value());
        parts(o.putObject("parts"), n.current().parts());
        parts(o.putObject("priorParts"), n.prior().parts());
        ObjectNode change = o.putObject("change");
        number(change, "absolute", n.change().absolute());
        number(change, "relative", n.change().relative());
        change.put("judgement", n.change().judgement().name());
        significance(o.putObject("significance"), n.significance());
        if (n.target().isPresent()) {
            var t = n.target().get();
            ObjectNode target = o.putObject("target");
            target.put("kind", t.target().kind().name());
            number(target, "value", t.target().value());
            number(target, "atRiskWithin", t.target().atRiskWithin());
            number(target, "level", t.level());
            number(target, "progress", t.progress());
            target.put("status", t.status().name());
        } else {
            o.putNull("target");
        }
        if (n.guardrail().isPresent()) {
            var g = n.guardrail().get();
            ObjectNode guard = o.putObject("guardrail");
            guard.put("kind", g.threshold().kind().name());
            number(guard, "limit", g.threshold().limit());
            number(guard, "warnAt", g.threshold().warnAt());
            number(guard, "observed", g.observed());
            guard.put("status", g.status().name());
        } else {
            o.putNull("guardrail");
        }
        o.put("status", n.status().name());
        ArrayNode trend = o.putArray("trend");
        for (Trend.Point p : n.trend().points()) {
            ObjectNode point = trend.addObject();
            point.put("label", p.label());
            number(point, "value", p.value());
        }
    }

    private static void parts(ObjectNode o, Value v) {
        o.put("type", v.getClass().getSimpleName());
        if (v instanceof Value.Ratio r) {
            o.put("numerator", r.numerator());
            o.put("denominator", r.denominator());
        } else if (v instanceof Value.Count c) {
            o.put("count", c.count());
        } else if (v instanceof Value.Sum s) {
            o.put("sum", s.sum());
        } else if (v instanceof Value.Distinct d) {
            number(o, "estimate", d.estimate());
            number(o, "lowerBound", d.lowerBound());
            number(o, "upperBound", d.upperBound());
        } else if (v instanceof Value.Distribution d) {
            o.put("count", d.count());
            o.put("min", d.min());
            o.put("max", d.max());
            number(o, "mean", d.mean());
        } else if (v instanceof Value.Gauge g) {
            o.put("level", g.level());
            o.put("present", g.present());
        } else if (v instanceof Value.Derived d) {
            ObjectNode operands = o.putObject("operands");
            for (Map.Entry<String, OptionalDouble> e : new java.util.TreeMap<>(d.parts()).entrySet()) {
                number(operands, e.getKey(), e.getValue());
            }
        }
    }

    private static void significance(ObjectNode o, Significance s) {
        o.put("test", s.test().name());
        o.put("description", s.test().description());
        number(o, "statistic", s.statistic());
        number(o, "pValue", s.pValue());
        o.put("significant", s.significant());
        o.put("note", s.note());
    }

    private static void check(ObjectNode o, FormulaCheck c) {
        o.put("node", c.node());
        o.put("formula", c.formula());
        o.put("window", c.window().label());
        number(o, "computed", c.computed());
        number(o, "observed", c.observed());
        number(o, "gap", c.gap());
        number(o, "tolerance", c.tolerance());
        o.put("verdict", c.verdict().name());
    }

    private static void attribution(ObjectNode o, Attribution a) {
        o.put("metric", a.metric());
        o.put("window", a.window().label());
        o.put("comparison", a.comparison().label());
        number(o, "value", a.current());
        number(o, "prior", a.prior());
        number(o, "change", a.change());
        number(o, "relativeChange", a.relativeChange());
        o.put("summary", a.summary());
        if (a.factors().isPresent()) {
            factors(o.putObject("factors"), a.factors().get());
        } else {
            o.putNull("factors");
        }
        ArrayNode dims = o.putArray("dimensions");
        a.dimensions().forEach(d -> dimension(dims.addObject(), d));
        o.put("bestDimension", a.bestDimension().orElse(null));
        if (a.drillDown().isPresent()) {
            attribution(o.putObject("drillDown"), a.drillDown().get());
        } else {
            o.putNull("drillDown");
        }
        ArrayNode notes = o.putArray("notes");
        a.notes().forEach(notes::add);
    }

    private static void factors(ObjectNode o, FactorAttribution f) {
        o.put("formula", f.formula());
        number(o, "prior", f.prior());
        number(o, "current", f.current());
        number(o, "change", f.change());
        ArrayNode methods = o.putArray("methods");
        f.methods().forEach(m -> methods.add(m.name()));
        ArrayNode list = o.putArray("contributions");
        for (FactorContribution c : f.factors()) {
            ObjectNode x = list.addObject();
            x.put("metric", c.metric());
            number(x, "prior", c.prior());
            number(x, "current", c.current());
            number(x, "contribution", c.contribution());
            number(x, "share", c.share());
        }
    }

    private static void dimension(ObjectNode o, DimensionAttribution d) {
        o.put("dimension", d.dimension());
        o.put("shape", d.shape().name());
        number(o, "prior", d.prior());
        number(o, "current", d.current());
        number(o, "change", d.change());
        number(o, "rateEffect", d.rateEffect());
        number(o, "mixEffect", d.mixEffect());
        number(o, "surprise", d.surprise());
        o.put("explainsMove", d.explainsMove());
        ArrayNode set = o.putArray("explanatorySet");
        d.explanatorySet().forEach(set::add);
        ArrayNode segments = o.putArray("segments");
        for (SegmentContribution s : d.segments()) {
            ObjectNode x = segments.addObject();
            x.put("segment", s.segment());
            number(x, "prior", s.prior());
            number(x, "current", s.current());
            number(x, "priorShare", s.priorShare());
            number(x, "currentShare", s.currentShare());
            number(x, "rateEffect", s.rateEffect());
            number(x, "mixEffect", s.mixEffect());
            number(x, "contribution", s.contribution());
            number(x, "explanatoryPower", s.explanatoryPower());
            number(x, "surprise", s.surprise());
        }
    }

    private static void number(ObjectNode o, String key, OptionalDouble v) {
        if (v.isPresent()) {
            number(o, key, v.getAsDouble());
        } else {
            o.putNull(key);
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
