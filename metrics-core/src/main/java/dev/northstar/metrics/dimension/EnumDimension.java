package dev.northstar.metrics.dimension;

import java.util.Objects;

/**
 * A fixed dimension over an enum: code = ordinal, and {@code values().length} is the unknown code.
 *
 * <pre>{@code
 * EnumDimension<Outcome> outcome = Dimension.of("outcome", Outcome.class);
 * }</pre>
 */
public final class EnumDimension<E extends Enum<E>> implements Dimension<E> {
    private final String name;
    private final Class<E> type;
    private final E[] constants;

    EnumDimension(String name, Class<E> type) {
        this.name = Dimension.checkName(name, "dimension");
        this.type = Objects.requireNonNull(type, "type");
        this.constants = type.getEnumConstants();
    }

    @Override public String name() { return name; }

    /** The enum class. */
    public Class<E> enumType() { return type; }

    @Override public int size() { return constants.length + 1; }

    @Override public int code(E value) {
        return value == null ? constants.length : value.ordinal();
    }

    @Override public int codeOfAny(Object value) {
        return type.isInstance(value) ? ((Enum<?>) value).ordinal() : constants.length;
    }

    @Override public boolean accepts(Object value) {
        return value == null || type.isInstance(value);
    }

    @Override public String label(int code) {
        return code >= 0 && code < constants.length ? constants[code].name() : UNKNOWN;
    }

    @Override public int codeOfLabel(String label) {
        for (E c : constants) {
            if (c.name().equals(label)) {
                return c.ordinal();
            }
        }
        return constants.length;
    }

    /** The constant of a code, or null for the unknown code. */
    public E value(int code) {
        return code >= 0 && code < constants.length ? constants[code] : null;
    }

    @Override public DimensionType type() { return DimensionType.ENUM; }

    @Override public boolean equals(Object o) {
        return o instanceof EnumDimension<?> d && d.name.equals(name) && d.type.equals(type);
    }

    @Override public int hashCode() { return name.hashCode() * 31 + type.hashCode(); }

    @Override public String toString() { return name + "(enum " + type.getSimpleName() + ")"; }
}
