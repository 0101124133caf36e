package dev.northstar.metrics.definition;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An arithmetic formula over other metrics, evaluated at query time from their rolled-up values:
 * the definition of a derived metric (average ticket = TPV / transactions) and of an exact edge
 * in a metric tree (TPV = active payers × transactions per payer × average ticket).
 *
 * <pre>{@code
 * Formula averageTicket = Formula.ratio(Formula.ref("tpv"), Formula.ref("transactions"));
 * }</pre>
 *
 * <p>Evaluation never produces {@code NaN} or an infinity: a missing operand, a division by zero
 * or a non-finite intermediate makes the whole value empty ("no data").
 */
public sealed interface Formula {

    /** The value of the metric of that name. */
    record Ref(String metric) implements Formula {
        public Ref {
            dev.northstar.metrics.dimension.Dimension.checkName(metric, "metric");
        }
    }

    /** A constant (e.g. 10,000 to turn a ratio into basis points). */
    record Constant(double value) implements Formula {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("formula constant must be finite: " + value);
            }
        }
    }

    /** The sum of its terms. */
    record Sum(List<Formula> terms) implements Formula {
        public Sum {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("a sum needs at least two terms");
            }
        }
    }

    /** {@code minuend - subtrahend}. */
    record Difference(Formula minuend, Formula subtrahend) implements Formula {
        public Difference {
            Objects.requireNonNull(minuend);
            Objects.requireNonNull(subtrahend);
        }
    }

    /** The product of its factors. */
    record Product(List<Formula> factors) implements Formula {
        public Product {
            factors = List.copyOf(factors);
            if (factors.size() < 2) {
                throw new IllegalArgumentException("a product needs at least two factors");
            }
        }
    }

    /** {@code numerator / denominator}; empty when the denominator is zero. */
    record Quotient(Formula numerator, Formula denominator) implements Formula {
        public Quotient {
            Objects.requireNonNull(numerator);
            Objects.requireNonNull(denominator);
        }
    }

    /** Reference to a metric by name. */
    static Formula ref(String metric) {
        return new Ref(metric);
    }

    /** A constant. */
    static Formula constant(double value) {
        return new Constant(value);
    }

    /** Sum of terms. */
    static Formula sum(Formula... terms) {
        return new Sum(List.of(terms));
    }

    /** Difference. */
    static Formula difference(Formula minuend, Formula subtrahend) {
        return new Difference(minuend, subtrahend);
    }

    /** Product of factors. */
    static Formula product(Formula... factors) {
        return new Product(List.of(factors));
    }

    /** Quotient. */
    static Formula ratio(Formula numerator, Formula denominator) {
        return new Quotient(numerator, denominator);
    }

    /** Names of the metrics the formula reads, in order of first appearance. */
    default Set<String> references() {
        Set<String> out = new LinkedHashSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Formula f, Set<String> out) {
        if (f instanceof Ref r) {
            out.add(r.metric());
        } else if (f instanceof Sum s) {
            s.terms().forEach(t -> collect(t, out));
        } else if (f instanceof Difference d) {
            collect(d.minuend(), out);
            collect(d.subtrahend(), out);
        } else if (f instanceof Product p) {
            p.factors().forEach(t -> collect(t, out));
        } else if (f instanceof Quotient q) {
            collect(q.numerator(), out);
            collect(q.denominator(), out);
        }
    }

    /**
     * Evaluates the formula with each metric's value from {@code values}; empty when any operand
     * is empty, a denominator is zero or a result is not finite.
     */
    default OptionalDouble evaluate(Function<String, OptionalDouble> values) {
        OptionalDouble v;
        if (this instanceof Ref r) {
            v = values.apply(r.metric());
        } else if (this instanceof Constant c) {
            v = OptionalDouble.of(c.value());
        } else if (this instanceof Sum s) {
            v = fold(s.terms(), values, 0, Double::sum);
        } else if (this instanceof Product p) {
            v = fold(p.factors(), values, 1, (x, y) -> x * y);
        } else if (this instanceof Difference d) {
            v = binary(d.minuend(), d.subtrahend(), values, (a, b) -> a - b);
        } else {
            Quotient q = (Quotient) this;
            v = binary(q.numerator(), q.denominator(), values, (a, b) -> b == 0 ? Double.NaN : a / b);
        }
        return v.isPresent() && !Double.isFinite(v.getAsDouble()) ? OptionalDouble.empty() : v;
    }

    private static OptionalDouble binary(Formula left, Formula right, Function<String, OptionalDouble> values,
                                         DoubleBinaryOperator op) {
        OptionalDouble a = left.evaluate(values);
        OptionalDouble b = right.evaluate(values);
        return a.isPresent() && b.isPresent()
                ? OptionalDouble.of(op.applyAsDouble(a.getAsDouble(), b.getAsDouble())) : OptionalDouble.empty();
    }

    private static OptionalDouble fold(List<Formula> parts, Function<String, OptionalDouble> values,
                                       double identity, DoubleBinaryOperator op) {
        double acc = identity;
        for (Formula part : parts) {
            OptionalDouble v = part.evaluate(values);
            if (v.isEmpty()) {
                return OptionalDouble.empty();
            }
            acc = op.applyAsDouble(acc, v.getAsDouble());
        }
        return OptionalDouble.of(acc);
    }

    /** Readable infix form, e.g. {@code tpv / transactions}. */
    default String describe() {
        if (this instanceof Ref r) {
            return r.metric();
        } else if (this instanceof Constant c) {
            return c.value() == Math.rint(c.value()) && Math.abs(c.value()) < 1e15
                    ? Long.toString((long) c.value()) : Double.toString(c.value());
        } else if (this instanceof Sum s) {
            return s.terms().stream().map(Formula::describeNested).collect(Collectors.joining(" + "));
        } else if (this instanceof Product p) {
            return p.factors().stream().map(Formula::describeNested).collect(Collectors.joining(" * "));
        } else if (this instanceof Difference d) {
            return d.minuend().describeNested() + " - " + d.subtrahend().describeNested();
        }
        Quotient q = (Quotient) this;
        return q.numerator().describeNested() + " / " + q.denominator().describeNested();
    }

    private String describeNested() {
        return this instanceof Ref || this instanceof Constant ? describe() : "(" + describe() + ")";
    }
}
