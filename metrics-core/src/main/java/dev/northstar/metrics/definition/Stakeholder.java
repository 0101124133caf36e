package dev.northstar.metrics.definition;

import dev.northstar.metrics.dimension.Dimension;

/**
 * Someone a metric serves (users, merchants, platform, banks, regulators; followers, account
 * owners, advertisers). Scorecards can be filtered to one stakeholder's view.
 *
 * <pre>{@code
 * Stakeholder merchants = Stakeholder.of("merchants");
 * }</pre>
 *
 * @param name lower snake case
 */
public record Stakeholder(String name) implements Comparable<Stakeholder> {
    /** Validates the name. */
    public Stakeholder {
        Dimension.checkName(name, "stakeholder");
    }

    /** The stakeholder of that name. */
    public static Stakeholder of(String name) {
        return new Stakeholder(name);
    }

    @Override public int compareTo(Stakeholder o) {
        return name.compareTo(o.name);
    }

    @Override public String toString() {
        return name;
    }
}
