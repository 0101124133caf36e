package dev.northstar.metrics.dimension;

/**
 * A named attribute that slices a metric (region, channel, funding source...), mapping each value
 * to a dense small integer code so that a series key is plain arithmetic.
 *
 * <pre>{@code
 * Dimension<Channel> channel = Dimension.of("channel", Channel.class);
 * int code = channel.code(Channel.QR_SCAN);      // == Channel.QR_SCAN.ordinal()
 * String label = channel.label(code);            // "QR_SCAN"
 * }</pre>
 *
 * <p>Every dimension reserves the code {@link #unknownCode()} (always {@code size() - 1}) for a
 * {@code null} or unknown value: such a value is recorded there, never lost and never thrown.
 * Open dimensions also reserve an {@code other} code for values past their cardinality limit.
 *
 * @param <T> the type of the dimension's values
 */
public sealed interface Dimension<T> permits EnumDimension, OpenDimension, BooleanDimension {

    /** Label of the reserved code that null and unknown values map to. */
    String UNKNOWN = "(unknown)";
    /** Label of the reserved code that an open dimension folds values past its limit into. */
    String OTHER = "(other)";

    /** The dimension's name: lower snake case, e.g. {@code funding_source}. */
    String name();

    /** Number of codes including the reserved ones; codes are {@code 0 .. size()-1}. */
    int size();

    /** The code of a value; {@code null} maps to {@link #unknownCode()}. Never throws. */
    int code(T value);

    /**
     * The code of a value of unknown static type, as used when values are passed per call: a value
     * of the wrong type maps to {@link #unknownCode()} and is reported by {@link #accepts(Object)}.
     */
    int codeOfAny(Object value);

    /** Whether {@code value} is of this dimension's type (null is accepted as "unknown"). */
    boolean accepts(Object value);

    /** The label of a code: the enum constant's name, the open value, or a reserved label. */
    String label(int code);

    /** The code of a label as produced by {@link #label(int)}, used when reading snapshots. */
    int codeOfLabel(String label);

    /** The reserved code for null and unknown values. */
    default int unknownCode() {
        return size() - 1;
    }

    /** Describes the dimension's type for snapshots: {@code enum}, {@code open} or {@code boolean}. */
    DimensionType type();

    /** The three shapes of dimension. */
    enum DimensionType { ENUM, OPEN, BOOLEAN }

    /** An enum dimension: code = ordinal, plus the unknown code. */
    static <E extends Enum<E>> EnumDimension<E> of(String name, Class<E> type) {
        return new EnumDimension<>(name, type);
    }

    /**
     * An open string dimension that assigns codes on first sight up to {@code limit} distinct
     * values; later values fold into {@link #OTHER} and are counted.
     */
    static OpenDimension open(String name, int limit) {
        return new OpenDimension(name, limit);
    }

    /** A boolean dimension: codes false, true, unknown. */
    static BooleanDimension bool(String name) {
        return new BooleanDimension(name);
    }

    /** Validates a dimension or metric name: lower snake case, 1 to 64 characters. */
    static String checkName(String name, String what) {
        if (name == null || !name.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException(what + " name must be lower snake case, 1-64 chars, "
                    + "starting with a letter: '" + name + "'");
        }
        return name;
    }
}
