package dev.northstar.metrics.dimension;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A dimension over open string values (merchant id, bank, region) that assigns codes on first
 * sight, up to a declared cardinality limit.
 *
 * <pre>{@code
 * OpenDimension bank = Dimension.open("bank", 64);
 * int icbc = bank.code("ICBC");     // 0 the first time any value is seen, stable afterwards
 * }</pre>
 *
 * <p>Codes {@code 0 .. limit-1} are values in order of first sight; code {@code limit} is
 * {@link Dimension#OTHER}, where every value past the limit folds (each folded occurrence is
 * counted in {@link #folded()}); code {@code limit + 1} is {@link Dimension#UNKNOWN}, for
 * {@code null}, the empty string, values longer than {@value #MAX_VALUE_LENGTH} characters and
 * values that are not well-formed UTF-16 (an unpaired surrogate has no UTF-8 form, so such a
 * label could not travel in a snapshot). The reserved labels themselves map to their reserved
 * codes.
 *
 * <p>Looking up a known value is one probe of a lock-free hash table (see {@code CodeTable})
 * and allocates nothing; assigning a new code takes a lock, once per distinct value. Once every
 * code is taken, a new value folds into {@link Dimension#OTHER} without the lock: a long tail of values past the limit
 * (accounts, merchants) is the common case there, and costs one volatile read. The dimension is
 * shared: a host that registers it on several metrics gets the same codes in all of them.
 */
public final class OpenDimension implements Dimension<String> {
    /** Longest value that gets a code of its own; longer values are unknown. */
    public static final int MAX_VALUE_LENGTH = 256;
    /** Largest cardinality limit a dimension may declare. */
    public static final int MAX_LIMIT = 1 << 20;

    private final String name;
    private final int limit;
    private final CodeTable codes = new CodeTable();
    private final AtomicReferenceArray<String> labels;
    private final LongAdder folded = new LongAdder();
    private int assigned; // guarded by this
    private volatile boolean full; // set once, under the lock, when assigned reaches the limit

    OpenDimension(String name, int limit) {
        this.name = Dimension.checkName(name, "dimension");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("dimension " + name + ": cardinality limit must be 1.."
                    + MAX_LIMIT + ", was " + limit);
        }
        this.limit = limit;
        this.labels = new AtomicReferenceArray<>(limit);
    }

    @Override public String name() { return name; }

    /** The declared cardinality limit: how many distinct values get codes of their own. */
    public int limit() { return limit; }

    /** The reserved code values past the limit fold into. */
    public int otherCode() { return limit; }

    @Override public int size() { return limit + 2; }

    @Override public int code(String value) {
        if (value == null) {
            return limit + 1;
        }
        int known = codes.peek(value);
        return known != CodeTable.ABSENT ? known : assign(value);
    }

    private int assign(String value) {
        if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH || UNKNOWN.equals(value) || !wellFormed(value)) {
            return limit + 1;
        }
        if (OTHER.equals(value)) {
            return limit;
        }
        if (full) {
            // the value may have taken the last code after this thread's first look: full is
            // written after the code is published, so reading it true makes that code visible
            int known = codes.get(value);
            if (known != CodeTable.ABSENT) {
                return known;
            }
            folded.increment();
            return limit;
        }
        synchronized (this) {
            int known = codes.get(value);
            if (known != CodeTable.ABSENT) {
                return known;
            }
            if (assigned == limit) {
                folded.increment();
                return limit;
            }
            int code = assigned++;
            labels.set(code, value);
            codes.put(value, code);
            full = assigned == limit;
            return code;
        }
    }

    /** Whether every surrogate in {@code s} is half of a high-low pair. */
    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Override public int codeOfAny(Object value) {
        return value == null || value instanceof String ? code((String) value) : limit + 1;
    }

    @Override public boolean accepts(Object value) {
        return value == null || value instanceof String;
    }

    @Override public String label(int code) {
        if (code >= 0 && code < limit) {
            String label = labels.get(code);
            return label == null ? UNKNOWN : label;
        }
        return code == limit ? OTHER : UNKNOWN;
    }

    @Override public int codeOfLabel(String label) {
        return code(label);
    }

    /** How many distinct values have a code of their own so far. */
    public synchronized int assignedCount() { return assigned; }

    /** How many occurrences of values past the limit were folded into {@link Dimension#OTHER}. */
    public long folded() { return folded.sum(); }

    @Override public DimensionType type() { return DimensionType.OPEN; }

    @Override public boolean equals(Object o) {
        return o instanceof OpenDimension d && d.name.equals(name) && d.limit == limit;
    }

    @Override public int hashCode() { return name.hashCode() * 31 + limit; }

    @Override public String toString() { return name + "(open, limit " + limit + ")"; }
}
