package dev.northstar.metrics.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.render.JsonReport;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.snapshot.Cell;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.snapshot.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.datasketches.theta.CompactSketch;

/**
 * Query results, snapshots and scorecards as JSON documents with a stable, versioned schema.
 *
 * <pre>{@code
 * String a = JsonExport.result(registry.query(Query.of("tpv").window(week).groupBy("region")));
 * String b = JsonExport.snapshot(registry.snapshot());       // readable, not for merging
 * String c = JsonExport.scorecard(card);
 * }</pre>
 *
 * <h2>Schema, version 1</h2>
 * Every document is an object whose first field {@code "schema"} names its type and version:
 * {@code "northstar.result/1"}, {@code "northstar.snapshot/1"} or {@code "northstar.scorecard/1"}.
 * Within a version, fields are only ever added, never renamed, retyped or removed; a change that
 * would break a reader bumps the version. Field order is fixed (as in the pinned examples under
 * {@code src/test/resources/dev/northstar/metrics/report/}).
 * <ul>
 * <li>Numbers are raw, in the metric's unit as stored: money in minor currency units (with
 *     {@code unit} and {@code currency} beside it), ratios in [0, 1], durations in the named unit.
 *     Counts and sums are JSON integers (exact up to 2^63 - 1; readers in languages without 64-bit
 *     integers should parse them as big numbers).</li>
 * <li>Instants are ISO-8601 UTC strings ({@code "2026-11-16T16:00:00Z"}).</li>
 * <li>A missing or non-finite number is JSON {@code null} ("no data"), never NaN.</li>
 * <li>Enumerations are their Java constant names ({@code "RATIO"}, {@code "MINOR_UNITS"}).</li>
 * <li>A value object has {@code "type"} (one of {@code Count, Sum, Ratio, Distribution, Distinct,
 *     Gauge, Derived, Funnel, Retention}), {@code "value"} (the headline number or null) and the
 *     parts of its type, named as in {@link Value}.</li>
 * </ul>
 * A result: {@code schema, metric, kind, from, to, complete, inProgress, notes[], rows[{group{},
 * value{}}]}. A snapshot: {@code schema, zone, grainMillis, fineRetentionBuckets, dayRetention,
 * takenAt, metrics[{name, kind, unit, currency, dimensions[], buckets[{grain ("day" or "fine"),
 * from, to, series[{labels{}, cell{}}]}]}]}; a cell holds {@code count}, {@code sum},
 * {@code numerator}/{@code denominator}, a gauge's {@code value}/{@code at}, a distribution's
 * {@code count, min, max, mean}, or a sketch's {@code estimate, lowerBound, upperBound} (one per
 * column for Theta cells). The readable snapshot is for people and dashboards; to ship or merge
 * data use {@link dev.northstar.metrics.snapshot.SnapshotCodec}. A scorecard: {@code schema}
 * followed by the fields of {@link JsonReport#tree}.
 *
 * <p>Bad input: null arguments throw {@link NullPointerException}; nothing else throws.
 */
public final class JsonExport {
    /** The schema version of every document this class writes. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonExport() {
    }

    /** A query result as pretty-printed JSON. */
    public static String result(QueryResult result) {
        return write(resultTree(result));
    }

    /** A snapshot's readable form as pretty-printed JSON. */
    public static String snapshot(Snapshot snapshot) {
        return write(snapshotTree(snapshot));
    }

    /** A scorecard as pretty-printed JSON. */
    public static String scorecard(Scorecard card) {
        return write(scorecardTree(card));
    }

    /** The JSON tree of a query result, to embed in a larger document. */
    public static ObjectNode resultTree(QueryResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", "northstar.result/" + SCHEMA_VERSION);
        o.put("metric", r.metric());
        o.put("kind", r.kind().name());
        o.put("from", Instant.ofEpochMilli(r.interval().fromMillis()).toString());
        o.put("to", Instant.ofEpochMilli(r.interval().toMillis()).toString());
        o.put("complete", r.coverage().complete());
        o.put("inProgress", r.coverage().inProgress());
        ArrayNode notes = o.putArray("notes");
        r.coverage().notes().forEach(notes::add);
        ArrayNode rows = o.putArray("rows");
        for (Row row : r.rows()) {
            ObjectNode x = rows.addObject();
            ObjectNode group = x.putObject("group");
            row.group().forEach(group::put);
            value(x.putObject("value"), row.value());
        }
        return o;
    }

    /** The JSON tree of a snapshot's readable form. */
    public static ObjectNode snapshotTree(Snapshot s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", "northstar.snapshot/" + SCHEMA_VERSION);
        o.put("zone", s.zone().getId());
        o.put("grainMillis", s.grainMillis());
        o.put("fineRetentionBuckets", s.fineRetentionBuckets());
        o.put("dayRetention", s.dayRetention());
        o.put("takenAt", Instant.ofEpochMilli(s.takenAtMillis()).toString());
        ArrayNode metrics = o.putArray("metrics");
        for (Snapshot.MetricData m : s.metrics().values()) {
            MetricDefinition<?> d = m.definition();
            ObjectNode x = metrics.addObject();
            x.put("name", d.name());
            x.put("kind", d.kind().name());
            x.put("unit", d.unit().name());
            x.put("currency", d.currency());
            ArrayNode dims = x.putArray("dimensions");
            d.dimensions().forEach(dim -> dims.add(dim.name()));
            ArrayNode buckets = x.putArray("buckets");
            for (SeriesCells b : m.buckets()) {
                ObjectNode bucket = buckets.addObject();
                bucket.put("grain", b.day() ? "day" : "fine");
                bucket.put("from", Instant.ofEpochMilli(b.startMillis()).toString());
                bucket.put("to", Instant.ofEpochMilli(b.endMillis()).toString());
                ArrayNode series = bucket.putArray("series");
                for (Map.Entry<List<String>, Cell> e : b.series().entrySet()) {
                    ObjectNode one = series.addObject();
                    ObjectNode labels = one.putObject("labels");
                    List<Dimension<?>> ds = d.dimensions();
                    for (int i = 0; i < ds.size() && i < e.getKey().size(); i++) {
                        labels.put(ds.get(i).name(), e.getKey().get(i));
                    }
                    cell(one.putObject("cell"), e.getValue(), d.kind());
                }
            }
        }
        return o;
    }

    /** The JSON tree of a scorecard: the schema, then {@link JsonReport#tree}'s fields. */
    public static ObjectNode scorecardTree(Scorecard card) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema", "northstar.scorecard/" + SCHEMA_VERSION);
        o.setAll(JsonReport.tree(card, Optional.empty()));
        return o;
    }

    private static void cell(ObjectNode o, Cell c, MetricKind kind) {
        if (c instanceof Cell.Longs l) {
            long[] cols = l.columns();
            if (kind == MetricKind.RATIO && cols.length == 2) {
                o.put("numerator", cols[0]);
                o.put("denominator", cols[1]);
            } else if (kind == MetricKind.COUNT && cols.length == 1) {
                o.put("count", cols[0]);
            } else if (kind == MetricKind.SUM && cols.length == 1) {
                o.put("sum", cols[0]);
            } else {
                ArrayNode a = o.putArray("columns");
                for (long v : cols) {
                    a.add(v);
                }
            }
        } else if (c instanceof Cell.Gauge g) {
            o.put("value", g.value());
            o.put("at", Instant.ofEpochMilli(g.atMillis()).toString());
        } else if (c instanceof Cell.Distribution d) {
            Histogram h = d.histogram();
            long n = h.getTotalCount();
            o.put("count", n);
            o.put("min", n == 0 ? null : h.getMinValue());
            o.put("max", n == 0 ? null : h.getMaxValue());
            number(o, "mean", n == 0 ? OptionalDouble.empty() : OptionalDouble.of(h.getMean()));
        } else if (c instanceof Cell.Hll h) {
            number(o, "estimate", h.sketch().getEstimate());
            number(o, "lowerBound", h.sketch().getLowerBound(2));
            number(o, "upperBound", h.sketch().getUpperBound(2));
        } else if (c instanceof Cell.Theta t) {
            ArrayNode cols = o.putArray("columns");
            for (CompactSketch sk : t.columns()) {
                ObjectNode x = cols.addObject();
                number(x, "estimate", sk.getEstimate());
                number(x, "lowerBound", sk.getLowerBound(2));
                number(x, "upperBound", sk.getUpperBound(2));
            }
        }
    }

    private static void value(ObjectNode o, Value v) {
        o.put("type", v.getClass().getSimpleName());
        number(o, "value", v.value());
        if (v instanceof Value.Count c) {
            o.put("count", c.count());
        } else if (v instanceof Value.Sum s) {
            o.put("sum", s.sum());
        } else if (v instanceof Value.Ratio r) {
            o.put("numerator", r.numerator());
            o.put("denominator", r.denominator());
        } else if (v instanceof Value.Distribution d) {
            o.put("count", d.count());
            o.put("min", d.min());
            o.put("max", d.max());
            number(o, "mean", d.mean());
            o.put("significantDigits", d.significantDigits());
            o.put("headlineQuantile", d.headlineQuantile());
            ObjectNode qs = o.putObject("quantiles");
            new TreeMap<>(d.quantiles()).forEach((q, x) -> qs.put(quantileName(q), x));
        } else if (v instanceof Value.Distinct d) {
            number(o, "estimate", d.estimate());
            number(o, "lowerBound", d.lowerBound());
            number(o, "upperBound", d.upperBound());
        } else if (v instanceof Value.Gauge g) {
            o.put("level", g.level());
            o.put("asOf", Instant.ofEpochMilli(g.asOfMillis()).toString());
            o.put("present", g.present());
        } else if (v instanceof Value.Derived d) {
            ObjectNode parts = o.putObject("parts");
            new TreeMap<>(d.parts()).forEach((k, x) -> number(parts, k, x));
        } else if (v instanceof Value.Funnel f) {
            ArrayNode steps = o.putArray("steps");
            for (Value.Step s : f.steps()) {
                ObjectNode x = steps.addObject();
                x.put("name", s.name());
                number(x, "reached", s.reached());
                number(x, "lowerBound", s.lowerBound());
                number(x, "upperBound", s.upperBound());
                number(x, "fromStart", s.fromStart());
                number(x, "fromPrevious", s.fromPrevious());
            }
        } else if (v instanceof Value.Retention r) {
            number(o, "cohort", r.cohort());
            ArrayNode offsets = o.putArray("offsets");
            for (Value.Offset off : r.offsets()) {
                ObjectNode x = offsets.addObject();
                x.put("days", off.days());
                number(x, "retained", off.retained());
                number(x, "rate", off.rate());
                x.put("matured", off.matured());
            }
        }
    }

    /** {@code 0.5 -> "p50"}, {@code 0.999 -> "p99.9"}. */
    static String quantileName(double q) {
        return "p" + new java.math.BigDecimal(Double.toString(q * 100)).stripTrailingZeros().toPlainString();
    }

    private static void number(ObjectNode o, String field, OptionalDouble v) {
        if (v.isPresent()) {
            number(o, field, v.getAsDouble());
        } else {
            o.putNull(field);
        }
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }
}
