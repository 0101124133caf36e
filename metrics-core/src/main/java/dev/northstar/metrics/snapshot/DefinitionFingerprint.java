package dev.northstar.metrics.snapshot;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What of a metric definition a snapshot records, so that a reader can be sure its own
 * definition is the one the cells were made under: everything that decides what a cell means or
 * how it merges (kind, unit, currency, direction, dimensions and their values, series limit, max
 * value, precision, sketch size, set operations, funnel steps, retention offsets, formula).
 * Description and stakeholders are left out: they may be reworded without changing the data;
 * so is {@link MetricDefinition#seriesOf()}, which decides how an instance numbers its series,
 * not what a cell (labelled by its dimension values in a snapshot) means.
 *
 * <p>The fingerprint is a list of typed fields, written in order. A reader checks the fields in
 * lock step against its own definition's list and stops at the first difference, which it names.
 */
final class DefinitionFingerprint {
    private DefinitionFingerprint() {
    }

    /** How a field is written. */
    private enum Type {
        /** An enum constant, as its ordinal in one byte. */
        ORDINAL,
        /** A non-negative long, as a varint. */
        VARINT,
        /** A flag byte, 0 or 1. */
        FLAG,
        /** A UTF-8 string. */
        STRING,
        /** A count, then that many strings. */
        STRINGS,
        /** A count, then that many varints. */
        VARINTS
    }

    /** One field: its name for messages, how it is written, and its value. */
    private record Field(String name, Type type, Object value, Enum<?>[] constants) {
        static Field ordinal(String name, Enum<?> value, Enum<?>[] constants) {
            return new Field(name, Type.ORDINAL, value, constants);
        }

        static Field of(String name, Type type, Object value) {
            return new Field(name, type, value, null);
        }
    }

    /** The fields of {@code d} after its name, in the order they are written. */
    private static List<Field> fields(MetricDefinition<?> d) {
        List<Field> f = new ArrayList<>();
        f.add(Field.ordinal("kind", d.kind(), MetricKind.values()));
        f.add(Field.ordinal("unit", d.unit(), Unit.values()));
        f.add(Field.of("currency", Type.STRING, d.currency() == null ? "" : d.currency()));
        f.add(Field.ordinal("direction", d.direction(), Direction.values()));
        f.add(Field.of("dimension count", Type.VARINT, (long) d.dimensions().size()));
        for (int i = 0; i < d.dimensions().size(); i++) {
            Dimension<?> dim = d.dimensions().get(i);
            String p = "dimension " + i + " ";
            f.add(Field.of(p + "name", Type.STRING, dim.name()));
            f.add(Field.ordinal(p + "type", dim.type(), Dimension.DimensionType.values()));
            f.add(Field.of(p + "size", Type.VARINT, (long) dim.size()));
            if (dim instanceof EnumDimension<?> e) {
                f.add(Field.of(p + "values", Type.STRINGS,
                        Arrays.stream(e.enumType().getEnumConstants()).map(Enum::name).toList()));
            }
        }
        f.add(Field.of("series limit", Type.VARINT, (long) d.seriesLimit()));
        f.add(Field.of("max value", Type.VARINT, d.maxValue()));
        f.add(Field.of("significant digits", Type.VARINT, (long) d.significantDigits()));
        f.add(Field.of("lgK", Type.VARINT, (long) d.lgK()));
        f.add(Field.of("set operations", Type.FLAG, d.setOperations()));
        f.add(Field.of("funnel steps", Type.STRINGS, d.steps()));
        f.add(Field.of("retention days", Type.VARINTS,
                d.retentionDays().stream().map(Integer::longValue).toList()));
        f.add(Field.of("formula", Type.STRING, d.formula() == null ? "" : canonical(d.formula())));
        return f;
    }

    /**
     * An exact, unambiguous prefix form of a formula: {@code /(tpv,transactions)}. Constants are
     * written with {@link Double#toString}, which identifies a double uniquely.
     */
    static String canonical(Formula f) {
        if (f instanceof Formula.Ref r) {
            return r.metric();
        } else if (f instanceof Formula.Constant c) {
            return "#" + c.value();
        } else if (f instanceof Formula.Sum s) {
            return "+(" + join(s.terms()) + ")";
        } else if (f instanceof Formula.Difference d) {
            return "-(" + join(List.of(d.minuend(), d.subtrahend())) + ")";
        } else if (f instanceof Formula.Product p) {
            return "*(" + join(p.factors()) + ")";
        }
        Formula.Quotient q = (Formula.Quotient) f;
        return "/(" + join(List.of(q.numerator(), q.denominator())) + ")";
    }

    private static String join(List<Formula> parts) {
        return parts.stream().map(DefinitionFingerprint::canonical).collect(Collectors.joining(","));
    }

    /** Writes the fingerprint of {@code d}, name first. */
    static void write(MetricDefinition<?> d, SnapshotOutput out) {
        out.string(d.name(), "metric name");
        for (Field field : fields(d)) {
            switch (field.type()) {
                case ORDINAL -> out.u8(((Enum<?>) field.value()).ordinal());
                case VARINT -> out.varint((Long) field.value());
                case FLAG -> out.flag((Boolean) field.value());
                case STRING -> out.string((String) field.value(), field.name());
                case STRINGS -> {
                    List<?> values = (List<?>) field.value();
                    out.varint(values.size());
                    values.forEach(v -> out.string((String) v, field.name()));
                }
                case VARINTS -> {
                    List<?> values = (List<?>) field.value();
                    out.varint(values.size());
                    values.forEach(v -> out.varint((Long) v));
                }
            }
        }
    }

    /**
     * Reads the fingerprint fields that follow a metric's name and checks each against
     * {@code expected}.
     *
     * @throws MalformedSnapshotException at the first field that is malformed or differs
     */
    static void check(SnapshotInput in, MetricDefinition<?> expected) {
        for (Field field : fields(expected)) {
            int at = in.position();
            Object read = read(in, field);
            if (!Objects.equals(read, field.value())) {
                throw in.malformed(at, "metric " + expected.name() + " was written with another definition: its "
                        + field.name() + " is " + show(read) + " in the bytes but " + show(field.value())
                        + " in the expected definition");
            }
        }
    }

    private static Object read(SnapshotInput in, Field field) {
        String what = "the " + field.name() + " of the definition";
        switch (field.type()) {
            case ORDINAL:
                return in.ordinal(field.constants(), field.name());
            case VARINT:
                return in.unsigned(what);
            case FLAG:
                return in.flag(what);
            case STRING:
                return in.string(what);
            case STRINGS: {
                int n = in.count(what, 1);
                List<String> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(in.string(what));
                }
                return values;
            }
            default: {
                int n = in.count(what, 1);
                List<Long> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(in.unsigned(what));
                }
                return values;
            }
        }
    }

    private static String show(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
