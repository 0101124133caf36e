package dev.northstar.metrics.attribution;

import dev.northstar.metrics.definition.Formula;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits the change of a {@link Formula} between two windows among the metrics it reads,
 * exactly and with no residual: additively through sums and differences, by LMDI through
 * products and ratios (see {@link Lmdi}), nesting as deep as the formula does.
 *
 * <pre>{@code
 * Formula tpv = Formula.product(Formula.ref("active_payers"), Formula.ref("tx_per_payer"));
 * Map<String, Double> before = Map.of("active_payers", 1000.0, "tx_per_payer", 2.0);
 * Map<String, Double> after = Map.of("active_payers", 1100.0, "tx_per_payer", 2.2);
 * FactorAttribution f = FactorSplit.split("tpv", tpv,
 *         m -> OptionalDouble.of(before.get(m)), m -> OptionalDouble.of(after.get(m))).orElseThrow();
 * // f.change() == 420; each factor contributes 210
 * }</pre>
 *
 * <p>Nesting: an operand of a product receives {@code L(F1, F0) × ln(a1 / a0)} (for a ratio's
 * denominator, its negative), and passes it on to its own operands by the same rules, scaled by
 * {@code L(F1, F0) / L(a1, a0)}, which is the factor that turns its own change into that
 * contribution. Products with negative operands that keep their signs use absolute values;
 * a factor that is zero in one window takes the analytic limit ({@link Method#LMDI_ZERO_LIMIT});
 * an operand that changes sign makes that product fall back to Shapley values
 * ({@link Method#SHAPLEY}), which are also exact.
 *
 * <p>Bad input: the result is empty ("no data") when a metric has no value in either window, or
 * when the formula cannot be evaluated (a zero denominator). Nothing here produces NaN.
 */
public final class FactorSplit {
    private final Function<String, OptionalDouble> before;
    private final Function<String, OptionalDouble> after;
    private final Map<String, Double> contributions = new LinkedHashMap<>();
    private final Set<Method> methods = new LinkedHashSet<>();

    private FactorSplit(Function<String, OptionalDouble> before, Function<String, OptionalDouble> after) {
        this.before = before;
        this.after = after;
    }

    /**
     * The change of {@code formula} from {@code prior} to {@code current} values, split among its
     * metrics; empty when a value is missing or the formula has no value in a window.
     *
     * @param metric  the name of the node the formula makes, for the result
     * @param formula the formula
     * @param prior   each metric's value in the comparison window
     * @param current each metric's value in the window
     */
    public static Optional<FactorAttribution> split(String metric, Formula formula,
                                                    Function<String, OptionalDouble> prior,
                                                    Function<String, OptionalDouble> current) {
        Map<String, Double> p = new LinkedHashMap<>();
        Map<String, Double> c = new LinkedHashMap<>();
        for (String ref : formula.references()) {
            OptionalDouble a = prior.apply(ref);
            OptionalDouble b = current.apply(ref);
            if (a == null || b == null || a.isEmpty() || b.isEmpty() || !Double.isFinite(a.getAsDouble())
                    || !Double.isFinite(b.getAsDouble())) {
                return Optional.empty();
            }
            p.put(ref, a.getAsDouble());
            c.put(ref, b.getAsDouble());
        }
        Function<String, OptionalDouble> before = m -> OptionalDouble.of(p.get(m));
        Function<String, OptionalDouble> after = m -> OptionalDouble.of(c.get(m));
        OptionalDouble f0 = formula.evaluate(before);
        OptionalDouble f1 = formula.evaluate(after);
        if (f0.isEmpty() || f1.isEmpty()) {
            return Optional.empty();
        }
        FactorSplit split = new FactorSplit(before, after);
        p.keySet().forEach(ref -> split.contributions.put(ref, 0.0));
        split.attribute(formula, 1);
        double change = f1.getAsDouble() - f0.getAsDouble();
        double[] parts = split.contributions.values().stream().mapToDouble(Double::doubleValue).toArray();
        Lmdi.spreadResidual(parts, change);
        List<FactorContribution> factors = new ArrayList<>();
        int i = 0;
        for (String ref : p.keySet()) {
            double part = parts[i++];
            factors.add(new FactorContribution(ref, p.get(ref), c.get(ref), part,
                    change == 0 ? OptionalDouble.empty() : OptionalDouble.of(part / change)));
        }
        if (split.methods.isEmpty()) {
            split.methods.add(Method.ADDITIVE);
        }
        return Optional.of(new FactorAttribution(metric, formula.describe(), f0.getAsDouble(), f1.getAsDouble(),
                change, factors, List.copyOf(split.methods)));
    }

    private double v0(Formula f) {
        return f.evaluate(before).orElse(0);
    }

    private double v1(Formula f) {
        return f.evaluate(after).orElse(0);
    }

    /** Adds {@code weight × (the change of f)} to the contributions of the metrics f reads. */
    private void attribute(Formula f, double weight) {
        if (weight == 0 || !Double.isFinite(weight)) {
            return;
        }
        if (f instanceof Formula.Ref r) {
            contributions.merge(r.metric(), weight * (v1(f) - v0(f)), Double::sum);
        } else if (f instanceof Formula.Sum s) {
            methods.add(Method.ADDITIVE);
            s.terms().forEach(t -> attribute(t, weight));
        } else if (f instanceof Formula.Difference d) {
            methods.add(Method.ADDITIVE);
            attribute(d.minuend(), weight);
            attribute(d.subtrahend(), -weight);
        } else if (f instanceof Formula.Product p) {
            List<Integer> signs = new ArrayList<>();
            p.factors().forEach(x -> signs.add(1));
            multiplicative(f, p.factors(), signs, weight);
        } else if (f instanceof Formula.Quotient q) {
            multiplicative(f, List.of(q.numerator(), q.denominator()), List.of(1, -1), weight);
        }
        // a constant does not change, so it contributes nothing
    }

    private void multiplicative(Formula whole, List<Formula> operands, List<Integer> exponents, double weight) {
        int n = operands.size();
        double[] a0 = new double[n];
        double[] a1 = new double[n];
        boolean zero = false;
        boolean signChange = false;
        for (int k = 0; k < n; k++) {
            a0[k] = v0(operands.get(k));
            a1[k] = v1(operands.get(k));
            zero |= a0[k] == 0 || a1[k] == 0;
            signChange |= a0[k] * a1[k] < 0;
        }
        double f0 = v0(whole);
        double f1 = v1(whole);
        if (signChange) {
            shapley(whole, operands, exponents, weight, a0, a1);
        } else if (zero) {
            zeroLimit(operands, weight, a0, a1, f0, f1);
        } else {
            methods.add(Method.LMDI);
            double sign = Math.signum(f1);                     // same in both windows: no operand changes sign
            double lf = Lmdi.logMean(Math.abs(f1), Math.abs(f0));
            for (int k = 0; k < n; k++) {
                double tau = Math.signum(a1[k]);
                double la = Lmdi.logMean(Math.abs(a1[k]), Math.abs(a0[k]));
                attribute(operands.get(k), weight * sign * lf * exponents.get(k) * tau / la);
            }
        }
    }

    /** The limit of LMDI as the zero values tend to zero together (Ang and Liu 2007). */
    private void zeroLimit(List<Formula> operands, double weight, double[] a0, double[] a1, double f0, double f1) {
        methods.add(Method.LMDI_ZERO_LIMIT);
        if (f0 == f1) {
            return;
        }
        double[] zeroAt = f0 == 0 ? a0 : a1;
        int zeros = 0;
        for (double z : zeroAt) {
            zeros += z == 0 ? 1 : 0;
        }
        for (int k = 0; k < operands.size(); k++) {
            if (zeroAt[k] == 0) {
                double share = weight * (f1 - f0) / zeros;
                attribute(operands.get(k), share / (a1[k] - a0[k]));
            }
        }
    }

    /** Shapley values of the operands: each operand's marginal effect averaged over all orders. */
    private void shapley(Formula whole, List<Formula> operands, List<Integer> exponents, double weight,
                         double[] a0, double[] a1) {
        methods.add(Method.SHAPLEY);
        int n = operands.size();
        if (n > 16) {
            throw new IllegalArgumentException("Shapley attribution of more than 16 operands: " + whole.describe());
        }
        double[] value = new double[1 << n];
        for (int mask = 0; mask < value.length; mask++) {
            double v = 1;
            for (int k = 0; k < n; k++) {
                double a = (mask & (1 << k)) != 0 ? a1[k] : a0[k];
                v = exponents.get(k) > 0 ? v * a : v / a;
            }
            value[mask] = v;
        }
        double[] fact = new double[n + 1];
        fact[0] = 1;
        for (int i = 1; i <= n; i++) {
            fact[i] = fact[i - 1] * i;
        }
        for (int k = 0; k < n; k++) {
            double phi = 0;
            for (int mask = 0; mask < value.length; mask++) {
                if ((mask & (1 << k)) == 0) {
                    int s = Integer.bitCount(mask);
                    phi += fact[s] * fact[n - s - 1] / fact[n] * (value[mask | (1 << k)] - value[mask]);
                }
            }
            double delta = a1[k] - a0[k];
            if (delta != 0) {
                attribute(operands.get(k), weight * phi / delta);
            }
        }
    }
}
