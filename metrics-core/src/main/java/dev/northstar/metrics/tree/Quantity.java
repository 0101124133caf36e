package dev.northstar.metrics.tree;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The physical dimensions of a formula's result, for the check that a formula lines up with its
 * node: exponents of each currency's money and of time, plus the exact unit where a sum or a
 * difference fixes it. Counts, ids, ratios and plain numbers are dimensionless, because the
 * {@link Unit} vocabulary cannot tell "transactions per payer" from "transactions".
 *
 * @param exponents base quantity ({@code CNY}, {@code time}) to its exponent; zero exponents absent
 * @param unit      the unit every term of a sum or difference shares, or null when not fixed
 */
record Quantity(Map<String, Integer> exponents, String unit) {

    static final Quantity DIMENSIONLESS = new Quantity(Map.of(), null);

    static Quantity of(MetricDefinition<?> d) {
        Map<String, Integer> e = new TreeMap<>();
        if (d.unit() == Unit.MINOR_UNITS) {
            e.put(d.currency(), 1);
        } else if (d.unit() == Unit.MICROSECONDS || d.unit() == Unit.MILLISECONDS) {
            e.put("time", 1);
        }
        return new Quantity(e, unitName(d));
    }

    private static String unitName(MetricDefinition<?> d) {
        return d.unit() == Unit.MINOR_UNITS ? "minor units of " + d.currency() : d.unit().symbol();
    }

    /**
     * The quantity of {@code f}, or an explanation of why its terms cannot be added.
     *
     * @throws IllegalStateException with the reason, when a sum or difference mixes units
     */
    static Quantity of(Formula f, Map<String, MetricDefinition<?>> definitions) {
        if (f instanceof Formula.Ref r) {
            return of(definitions.get(r.metric()));
        } else if (f instanceof Formula.Constant) {
            return DIMENSIONLESS;
        } else if (f instanceof Formula.Sum s) {
            return additive(s.terms(), definitions, f);
        } else if (f instanceof Formula.Difference d) {
            return additive(java.util.List.of(d.minuend(), d.subtrahend()), definitions, f);
        } else if (f instanceof Formula.Product p) {
            Quantity q = DIMENSIONLESS;
            for (Formula part : p.factors()) {
                q = q.times(of(part, definitions), 1);
            }
            return q;
        }
        Formula.Quotient q = (Formula.Quotient) f;
        return of(q.numerator(), definitions).times(of(q.denominator(), definitions), -1);
    }

    private static Quantity additive(java.util.List<Formula> terms, Map<String, MetricDefinition<?>> definitions,
                                     Formula whole) {
        Quantity first = null;
        for (Formula t : terms) {
            Quantity q = of(t, definitions);
            if (t instanceof Formula.Constant) {
                continue;                                   // a constant takes the unit of what it is added to
            }
            if (first == null) {
                first = q;
            } else if (!first.exponents.equals(q.exponents)
                    || (first.unit != null && q.unit != null && !first.unit.equals(q.unit))) {
                throw new IllegalStateException("'" + whole.describe() + "' adds " + first.describe() + " to "
                        + q.describe());
            }
        }
        return first == null ? DIMENSIONLESS : first;
    }

    private Quantity times(Quantity other, int sign) {
        Map<String, Integer> e = new TreeMap<>(exponents);
        other.exponents.forEach((k, v) -> e.merge(k, sign * v, Integer::sum));
        e.values().removeIf(v -> v == 0);
        String u = null;
        if (other.exponents.isEmpty() && other.unit == null) {
            u = unit;                                        // times a constant keeps the unit
        } else if (exponents.isEmpty() && unit == null && sign > 0) {
            u = other.unit;
        }
        return new Quantity(e, u);
    }

    /** Whether a node of quantity {@code node} may be made by a formula of this quantity. */
    boolean fits(Quantity node) {
        return exponents.equals(node.exponents) && (unit == null || Objects.equals(unit, node.unit));
    }

    String describe() {
        if (unit != null) {
            return unit;
        }
        if (exponents.isEmpty()) {
            return "a dimensionless number";
        }
        StringBuilder b = new StringBuilder();
        exponents.forEach((k, v) -> b.append(b.length() == 0 ? "" : "·").append(k.equals("time") ? "time" : k)
                .append(v == 1 ? "" : "^" + v));
        return b.toString();
    }
}
