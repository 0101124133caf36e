package dev.northstar.metrics.snapshot;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes snapshot bytes by hand, following the table in {@link SnapshotCodec}'s documentation
 * and nothing else: tests use it to check that the encoder writes the documented layout and to
 * build malformed inputs one field at a time.
 */
final class SnapshotBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Bytes written so far: the offset of the next field. */
    int size() {
        return out.size();
    }

    byte[] build() {
        return out.toByteArray();
    }

    SnapshotBytes raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    SnapshotBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    SnapshotBytes u8(int b) {
        return raw(b);
    }

    SnapshotBytes fixed32(int v) {
        return raw(ByteBuffer.allocate(4).putInt(v).array());
    }

    SnapshotBytes fixed64(long v) {
        return raw(ByteBuffer.allocate(8).putLong(v).array());
    }

    SnapshotBytes varint(long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    SnapshotBytes blob(byte[] b) {
        return varint(b.length).raw(b);
    }

    SnapshotBytes string(String s) {
        return blob(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Magic and version 1. */
    SnapshotBytes preamble() {
        return raw('N', 'S', 'S', 'P').u8(1);
    }

    /** Preamble, zone, grain, retentions and time. */
    SnapshotBytes header(String zone, long grainMillis, long fineRetention, int dayRetention, long takenAt) {
        return preamble().string(zone).fixed64(grainMillis).fixed64(fineRetention).fixed32(dayRetention)
                .fixed64(takenAt);
    }

    /** A metric's name and definition fingerprint, field by field as documented. */
    SnapshotBytes definition(MetricDefinition<?> d) {
        string(d.name()).u8(d.kind().ordinal()).u8(d.unit().ordinal())
                .string(d.currency() == null ? "" : d.currency()).u8(d.direction().ordinal())
                .varint(d.dimensions().size());
        for (Dimension<?> dim : d.dimensions()) {
            string(dim.name()).u8(dim.type().ordinal()).varint(dim.size());
            if (dim instanceof EnumDimension<?> e) {
                Enum<?>[] values = e.enumType().getEnumConstants();
                varint(values.length);
                for (Enum<?> v : values) {
                    string(v.name());
                }
            }
        }
        varint(d.seriesLimit()).varint(d.maxValue()).varint(d.significantDigits()).varint(d.lgK())
                .u8(d.setOperations() ? 1 : 0).varint(d.steps().size());
        d.steps().forEach(this::string);
        varint(d.retentionDays().size());
        d.retentionDays().forEach(this::varint);
        return string(d.formula() == null ? "" : prefix(d.formula()));
    }

    private static String prefix(Formula f) {
        if (f instanceof Formula.Ref r) {
            return r.metric();
        }
        if (f instanceof Formula.Quotient q) {
            return "/(" + prefix(q.numerator()) + "," + prefix(q.denominator()) + ")";
        }
        throw new UnsupportedOperationException("tests only write quotients of references: " + f);
    }

    /** A bucket's day flag, bounds and series count. */
    SnapshotBytes bucket(boolean day, long start, long end, int seriesCount) {
        return u8(day ? 1 : 0).fixed64(start).fixed64(end).varint(seriesCount);
    }

    /** A series' label count and labels. */
    SnapshotBytes labels(String... labels) {
        varint(labels.length);
        List.of(labels).forEach(this::string);
        return this;
    }
}
