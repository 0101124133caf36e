package dev.northstar.metrics.attribution;

import java.util.OptionalDouble;

/**
 * One segment's part of a metric's change along a dimension.
 *
 * <pre>{@code
 * SegmentContribution east = byRegion.segments().get(0);
 * east.explanatoryPower();   // 0.78: explains 78% of the change
 * east.mixEffect();          // for ratios: the part due to the segment's share of the denominator
 * }</pre>
 *
 * <p>Units: values, contributions and effects are in the metric's unit (a ratio's are in ratio
 * units: 0.01 = 1 percentage point); shares are fractions of the metric's total (of the
 * denominator for a ratio).
 *
 * @param segment          the dimension value's label
 * @param prior            the segment's value in the comparison window (its rate for a ratio);
 *                         empty when a ratio's segment had no denominator
 * @param current          the segment's value in the window
 * @param priorShare       its share of the total (denominator) in the comparison window
 * @param currentShare     its share in the window
 * @param rateEffect       ratios: the segment's average share × its rate change; empty for additive metrics
 * @param mixEffect        ratios: its share change × (its average rate − the overall average rate);
 *                         empty for additive metrics
 * @param contribution     its part of the change: its own change, or rate + mix effect
 * @param explanatoryPower contribution / total change (Adtributor's EP); empty when the total did not change
 * @param surprise         Jensen–Shannon divergence of its share before and after, in bits
 */
public record SegmentContribution(String segment, OptionalDouble prior, OptionalDouble current, double priorShare,
                                  double currentShare, OptionalDouble rateEffect, OptionalDouble mixEffect,
                                  double contribution, OptionalDouble explanatoryPower, double surprise) {

    /** Whether a ratio segment's contribution is mostly its share moving, rather than its rate. */
    public boolean mostlyMix() {
        return mixEffect.isPresent() && Math.abs(mixEffect.getAsDouble()) > Math.abs(rateEffect.orElse(0));
    }
}
