package dev.northstar.metrics.attribution;

import java.util.List;

/**
 * A formula node's change split among the metrics of its formula, exactly: the contributions sum
 * to the change of the formula's value, with no residual.
 *
 * <pre>{@code
 * FactorAttribution f = FactorSplit.split("tpv", tpvFormula, prior::get, current::get).orElseThrow();
 * f.change();                      // 210.0 (node unit)
 * f.factors().get(0).share();      // 0.5
 * }</pre>
 *
 * @param metric   the node's metric name
 * @param formula  the formula in infix
 * @param prior    the formula's value in the comparison window (node unit)
 * @param current  its value in the window
 * @param change   current − prior
 * @param factors  one per metric the formula reads, in order of first appearance
 * @param methods  the methods used, outermost first
 */
public record FactorAttribution(String metric, String formula, double prior, double current, double change,
                                List<FactorContribution> factors, List<Method> methods) {
    /** Copies the lists. */
    public FactorAttribution {
        factors = List.copyOf(factors);
        methods = List.copyOf(methods);
    }

    /** The factor that explains most of the change in its direction (largest signed contribution). */
    public FactorContribution top() {
        double sign = change < 0 ? -1 : 1;
        FactorContribution best = factors.get(0);
        for (FactorContribution f : factors) {
            if (f.contribution() * sign > best.contribution() * sign) {
                best = f;
            }
        }
        return best;
    }
}
