package dev.northstar.metrics.registry;

/** What the registry does with bad input. */
public enum Mode {
    /** Refuse it, count it by reason, log at most once a minute; never throw. The default. */
    LENIENT,
    /** Throw {@link IllegalArgumentException} at the call: for tests. */
    STRICT
}
