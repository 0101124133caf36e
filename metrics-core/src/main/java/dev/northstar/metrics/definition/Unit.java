package dev.northstar.metrics.definition;

/**
 * The unit a metric's values are recorded and reported in. Money is always a long count of
 * minor currency units (fen, cents) with the currency on the definition; durations are longs of
 * the named unit.
 */
public enum Unit {
    /** Number of events. */
    EVENTS("events"),
    /** Number of distinct ids (payers, readers, merchants). */
    IDS("ids"),
    /** Money in minor currency units (e.g. fen for CNY, cents for USD). */
    MINOR_UNITS("minor units"),
    /** Time in microseconds. */
    MICROSECONDS("us"),
    /** Time in milliseconds. */
    MILLISECONDS("ms"),
    /** A dimensionless share between 0 and 1 (a ratio may exceed 1 where its parts allow). */
    RATIO("ratio"),
    /** Basis points: hundredths of a percent. */
    BASIS_POINTS("bps"),
    /** A plain level or amount with no further unit (followers, balance count). */
    ONE("1");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** Short symbol for tables and exposition formats. */
    public String symbol() {
        return symbol;
    }
}
