package dev.northstar.metrics.acceptance;

import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.query.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A filter and a group-by over the {@link PaymentMetrics} dimensions, applied both to a
 * {@link Query} and, independently, to the raw events' labels.
 */
public final class Slice {

    /** One {@code where(dimension, values...)} clause: values as a host gives them (enum, string, boolean, null). */
    public record Where(String dimension, Object... values) {
        Set<String> labels() {
            Set<String> out = new HashSet<>();
            for (Object v : values) {
                out.add(v == null ? Dimension.UNKNOWN : v instanceof Enum<?> e ? e.name() : v.toString());
            }
            return out;
        }

        @Override public String toString() {
            return dimension + " in " + Arrays.toString(values);
        }
    }

    public static final Slice ALL = new Slice("all", List.of(), List.of());
    public static final Slice BY_CHANNEL = new Slice("by channel", List.of(), List.of("channel"));
    public static final Slice BY_MERCHANT_AND_CROSS_BORDER =
            new Slice("by merchant and cross_border", List.of(), List.of("merchant", "cross_border"));
    public static final Slice QR_OR_UNKNOWN_CHANNEL =
            new Slice("QR or unknown channel", List.of(new Where("channel", Channel.QR_SCAN, null)), List.of());
    public static final Slice FIRST_OR_FOLDED_MERCHANT_DOMESTIC_BY_CHANNEL = new Slice(
            "merchant m0 or (other), domestic, by channel",
            List.of(new Where("merchant", "m0", Dimension.OTHER), new Where("cross_border", false)),
            List.of("channel"));
    public static final Slice IN_APP_BY_CROSS_BORDER = new Slice("in-app (two clauses), by cross_border",
            List.of(new Where("channel", Channel.IN_APP, Channel.WEB), new Where("channel", "IN_APP")),
            List.of("cross_border"));

    /** Every slice the properties query. */
    public static final List<Slice> EVERY = List.of(ALL, BY_CHANNEL, BY_MERCHANT_AND_CROSS_BORDER,
            QR_OR_UNKNOWN_CHANNEL, FIRST_OR_FOLDED_MERCHANT_DOMESTIC_BY_CHANNEL, IN_APP_BY_CROSS_BORDER);

    private final String name;
    private final List<Where> where;
    private final List<String> groupBy;
    private final Map<Integer, Set<String>> allowed = new HashMap<>();
    private final int[] groupIndexes;

    /**
     * @param name    for reports
     * @param where   filter clauses; clauses on the same dimension intersect, as the query's do
     * @param groupBy group-by dimensions, in order
     */
    public Slice(String name, List<Where> where, List<String> groupBy) {
        this.name = name;
        this.where = List.copyOf(where);
        this.groupBy = List.copyOf(groupBy);
        for (Where w : where) {
            allowed.merge(PaymentMetrics.DIMENSIONS.indexOf(w.dimension()), w.labels(), (a, b) -> {
                Set<String> both = new HashSet<>(a);
                both.retainAll(b);
                return both;
            });
        }
        groupIndexes = groupBy.stream().mapToInt(PaymentMetrics.DIMENSIONS::indexOf).toArray();
    }

    public List<String> groupBy() {
        return groupBy;
    }

    /** The query with this slice's filter and group-by. */
    public Query applyTo(Query q) {
        for (Where w : where) {
            q = q.where(w.dimension(), w.values());
        }
        return groupBy.isEmpty() ? q : q.groupBy(groupBy.toArray(new String[0]));
    }

    /** Whether a series with these labels (in dimension order) passes the filter. */
    public boolean matches(List<String> labels) {
        for (Map.Entry<Integer, Set<String>> e : allowed.entrySet()) {
            if (!e.getValue().contains(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The group key of a series with these labels. */
    public List<String> key(List<String> labels) {
        List<String> key = new ArrayList<>(groupIndexes.length);
        for (int i : groupIndexes) {
            key.add(labels.get(i));
        }
        return key;
    }

    @Override public String toString() {
        return name;
    }
}
