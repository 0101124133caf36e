package dev.northstar.metrics.internal;

import dev.northstar.metrics.registry.RefusalReason;

/** Where the storage reports bad input: the registry's health counters. */
public interface Refusals {
    /** Counts a refused event (and throws in strict mode). */
    void refuse(RefusalReason reason, String metric);

    /** Counts an event that arrived after its bucket stopped being the current one. */
    void late();
}
