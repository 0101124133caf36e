package dev.northstar.metrics.attribution;

/**
 * The data of one segment (one value of a dimension) in two windows, as input to
 * {@link SegmentSplit}. For an additive metric the numerators are the values and the
 * denominators are ignored; for a ratio they are its parts.
 *
 * <pre>{@code
 * new Segment("east", 9_700, 10_000, 9_100, 10_000);   // success rate 97% -> 91%
 * Segment.additive("east", 1_200_00, 1_150_00);         // TPV in fen
 * }</pre>
 *
 * <p>Units: the metric's own (minor currency units, events, successes and attempts).
 * Bad input: a NaN or infinite part throws {@link IllegalArgumentException}.
 *
 * @param label              the dimension value's label
 * @param priorNumerator     value (or numerator) in the comparison window
 * @param priorDenominator   denominator in the comparison window (1 for additive metrics)
 * @param currentNumerator   value (or numerator) in the window
 * @param currentDenominator denominator in the window (1 for additive metrics)
 */
public record Segment(String label, double priorNumerator, double priorDenominator, double currentNumerator,
                      double currentDenominator) {
    /** Validates the parts. */
    public Segment {
        if (label == null || !Double.isFinite(priorNumerator) || !Double.isFinite(priorDenominator)
                || !Double.isFinite(currentNumerator) || !Double.isFinite(currentDenominator)) {
            throw new IllegalArgumentException("a segment needs a label and finite parts: " + label);
        }
    }

    /** A segment of an additive metric (count, sum, gauge). */
    public static Segment additive(String label, double prior, double current) {
        return new Segment(label, prior, 1, current, 1);
    }
}
