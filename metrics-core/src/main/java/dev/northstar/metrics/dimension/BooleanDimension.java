package dev.northstar.metrics.dimension;

/**
 * A yes/no dimension (cross-border, verified, read to the end): codes 0 = false, 1 = true,
 * 2 = unknown.
 */
public final class BooleanDimension implements Dimension<Boolean> {
    private final String name;

    BooleanDimension(String name) {
        this.name = Dimension.checkName(name, "dimension");
    }

    @Override public String name() { return name; }

    @Override public int size() { return 3; }

    @Override public int code(Boolean value) {
        return value == null ? 2 : (value ? 1 : 0);
    }

    /** The code of a primitive boolean, with no boxing. */
    public int code(boolean value) {
        return value ? 1 : 0;
    }

    @Override public int codeOfAny(Object value) {
        return value instanceof Boolean b ? code(b) : 2;
    }

    @Override public boolean accepts(Object value) {
        return value == null || value instanceof Boolean;
    }

    @Override public String label(int code) {
        return switch (code) {
            case 0 -> "false";
            case 1 -> "true";
            default -> UNKNOWN;
        };
    }

    @Override public int codeOfLabel(String label) {
        return switch (label) {
            case "false" -> 0;
            case "true" -> 1;
            default -> 2;
        };
    }

    @Override public DimensionType type() { return DimensionType.BOOLEAN; }

    @Override public boolean equals(Object o) {
        return o instanceof BooleanDimension d && d.name.equals(name);
    }

    @Override public int hashCode() { return name.hashCode(); }

    @Override public String toString() { return name + "(boolean)"; }
}
