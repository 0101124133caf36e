package dev.northstar.metrics.registry;

/**
 * Why an event was refused. Refused events are counted per reason in {@link Health}, logged at
 * most once a minute in {@link Mode#LENIENT} mode, and thrown as
 * {@link IllegalArgumentException} in {@link Mode#STRICT} mode.
 */
public enum RefusalReason {
    /** A negative amount, count, duration or level where the kind allows none. */
    NEGATIVE_VALUE,
    /** A value above the definition's {@code maxValue}: an absurd amount. */
    VALUE_TOO_LARGE,
    /** Adding the value would overflow a 64-bit counter. */
    OVERFLOW,
    /** The event is older than the day retention. */
    TOO_OLD,
    /** The event is further in the future than the registry's allowed clock skew. */
    TOO_FAR_IN_FUTURE,
    /** Values were passed for a different number of dimensions than the metric has. */
    WRONG_ARITY,
    /** A series number that this metric never handed out. */
    UNKNOWN_SERIES,
    /** A funnel step index outside the funnel's steps. */
    UNKNOWN_STEP,
    /** A null id for a distinct count, funnel or retention. */
    NULL_ID,
    /** A time bucket from another registry. */
    FOREIGN_BUCKET
}
