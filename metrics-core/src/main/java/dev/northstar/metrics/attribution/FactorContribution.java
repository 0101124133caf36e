package dev.northstar.metrics.attribution;

import java.util.OptionalDouble;

/**
 * One operand's part of a formula node's change.
 *
 * <pre>{@code
 * for (FactorContribution f : factors.factors()) System.out.println(f.metric() + " " + f.share());
 * }</pre>
 *
 * @param metric       the operand's metric name
 * @param prior        its value in the comparison window (its own unit)
 * @param current      its value in the window
 * @param contribution its part of the node's change, in the node's unit
 * @param share        contribution / the node's change (0.5 = half); empty when the node did not change
 */
public record FactorContribution(String metric, double prior, double current, double contribution,
                                 OptionalDouble share) {
}
