package dev.northstar.metrics.definition;

/**
 * What a metric stores and the one way it rolls up across time and dimensions.
 *
 * <p>Averaging ratios, summing distinct counts or averaging percentiles is wrong; each kind
 * below has exactly one roll-up rule, applied by every query and every snapshot merge.
 */
public enum MetricKind {
    /** Events; rolls up by sum. */
    COUNT,
    /** A non-negative long value (minor currency units, milliseconds); rolls up by sum. */
    SUM,
    /** Numerator and denominator recorded together; each rolls up by sum, then divide. */
    RATIO,
    /** An HdrHistogram of long values; rolls up by histogram add. */
    DISTRIBUTION,
    /** A sketch of hashed ids (HLL, or Theta for set operations); rolls up by sketch union. */
    DISTINCT,
    /** A level: rolls up by sum across dimensions and by last value (event time) across time. */
    GAUGE,
    /** A formula over other metrics, evaluated at query time from their rolled-up parts. */
    DERIVED,
    /** Ordered steps of Theta sketches of ids; conversion by set intersection within a window. */
    FUNNEL,
    /** Cohort and activity Theta sketches of ids; retention by set intersection across days. */
    RETENTION;

    /** Whether the kind keeps storage of its own (everything but {@link #DERIVED}). */
    public boolean stored() {
        return this != DERIVED;
    }
}
