package dev.northstar.metrics.attribution;

import java.util.List;

/**
 * A metric's change split among the values of one dimension, exactly: the segments'
 * contributions sum to the change. Segments are ranked by explanatory power (the part of the
 * change they explain, in its direction, first); the explanatory set and surprise follow
 * Adtributor.
 *
 * <pre>{@code
 * DimensionAttribution byRegion = attribution.dimension("region").orElseThrow();
 * byRegion.rateEffect() + byRegion.mixEffect();      // == byRegion.change() for a ratio
 * byRegion.explanatorySet();                          // [east]
 * }</pre>
 *
 * @param metric         the metric's name
 * @param dimension      the dimension's name
 * @param shape          additive (sums) or rate and mix (ratios)
 * @param prior          the metric's total in the comparison window (metric unit)
 * @param current        its total in the window
 * @param change         current − prior
 * @param rateEffect     ratios: the sum of the segments' rate effects; 0 for additive metrics
 * @param mixEffect      ratios: the sum of the segments' mix effects; 0 for additive metrics
 * @param segments       every segment, ranked
 * @param explanatorySet the few most surprising segments that together explain the move (labels)
 * @param surprise       the explanatory set's total surprise (bits): how unexpected the move is
 *                       along this dimension
 * @param explainsMove   whether the explanatory set explains at least {@value SegmentSplit#EXPLAINS_MOVE}
 *                       of the change
 */
public record DimensionAttribution(String metric, String dimension, Shape shape, double prior, double current,
                                   double change, double rateEffect, double mixEffect,
                                   List<SegmentContribution> segments, List<String> explanatorySet,
                                   double surprise, boolean explainsMove) {
    /** Copies the lists. */
    public DimensionAttribution {
        segments = List.copyOf(segments);
        explanatorySet = List.copyOf(explanatorySet);
    }

    /** How the metric splits across segments. */
    public enum Shape {
        /** The total is the sum of the segments. */
        ADDITIVE,
        /** The total is Σ numerators / Σ denominators: each segment has a rate and a share. */
        RATE_MIX
    }

    /** Whether a ratio's move along this dimension is mostly mix (shares moving) rather than rate. */
    public boolean mostlyMix() {
        return shape == Shape.RATE_MIX && Math.abs(mixEffect) > Math.abs(rateEffect);
    }

    /** The segment of that label. */
    public java.util.Optional<SegmentContribution> segment(String label) {
        return segments.stream().filter(s -> s.segment().equals(label)).findFirst();
    }
}
