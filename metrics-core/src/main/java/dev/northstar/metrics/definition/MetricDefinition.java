package dev.northstar.metrics.definition;

import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DerivedMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.FunnelMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.Metric;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.RetentionMetric;
import dev.northstar.metrics.registry.SumMetric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The immutable definition of one metric: name, kind, unit, direction, description, the
 * stakeholders it serves, the dimensions that slice it, and the options of its kind. Registering
 * it in a {@link dev.northstar.metrics.registry.MetricRegistry} returns the typed handle {@code H}.
 *
 * <pre>{@code
 * MetricDefinition<RatioMetric> successRate = MetricDefinition.ratio("payment_success_rate")
 *         .unit(Unit.RATIO).direction(Direction.HIGHER_IS_BETTER)
 *         .description("Successful payments / payment attempts")
 *         .stakeholders("users", "merchants")
 *         .dimensions(region, channel)
 *         .build();
 * RatioMetric handle = registry.register(successRate);
 * }</pre>
 *
 * <p>Validation happens in {@link Builder#build()}: a bad name, a missing description, an option
 * that does not belong to the kind, or dimensions whose combined key space overflows a long
 * throw {@link IllegalArgumentException} naming the metric. Two definitions are equal when every
 * field is; registering an equal definition twice returns the same handle.
 *
 * @param <H> the handle type the registry returns for it
 */
public final class MetricDefinition<H extends Metric> {
    /** Default series limit: distinct combinations of dimension codes kept per metric. */
    public static final int DEFAULT_SERIES_LIMIT = 10_000;
    /** Default largest value one event may record into a sum or ratio (10^15 minor units). */
    public static final long DEFAULT_MAX_VALUE = 1_000_000_000_000_000L;
    /** Default sketch size: log2 of the nominal entries / HLL registers (4,096). */
    public static final int DEFAULT_LG_K = 12;
    /** Default retention offsets, in days. */
    public static final List<Integer> DEFAULT_RETENTION_DAYS = List.of(1, 7, 30);

    private final String name;
    private final MetricKind kind;
    private final Unit unit;
    private final String currency;
    private final Direction direction;
    private final String description;
    private final SortedSet<Stakeholder> stakeholders;
    private final List<Dimension<?>> dimensions;
    private final int seriesLimit;
    private final long maxValue;
    private final int significantDigits;
    private final double headlineQuantile;
    private final int lgK;
    private final boolean setOperations;
    private final Formula formula;
    private final List<String> steps;
    private final List<Integer> retentionDays;
    private final String seriesOf;

    private MetricDefinition(Builder<H> b) {
        this.name = Dimension.checkName(b.name, "metric");
        this.kind = b.kind;
        if (b.unit == null) {
            throw new IllegalArgumentException("metric " + name + ": unit is required");
        }
        this.unit = b.unit;
        this.currency = b.currency;
        this.direction = b.direction;
        if (b.description == null || b.description.isBlank()) {
            throw new IllegalArgumentException("metric " + name + ": description is required");
        }
        this.description = b.description.strip();
        this.stakeholders = Collections.unmodifiableSortedSet(new TreeSet<>(b.stakeholders));
        this.dimensions = List.copyOf(b.dimensions);
        this.seriesLimit = b.seriesLimit;
        this.maxValue = b.maxValue != 0 ? b.maxValue : defaultMaxValue(b.kind, b.unit);
        this.significantDigits = b.significantDigits;
        this.headlineQuantile = b.headlineQuantile;
        this.lgK = b.lgK;
        this.setOperations = b.setOperations || kind == MetricKind.FUNNEL || kind == MetricKind.RETENTION;
        this.formula = b.formula;
        this.steps = List.copyOf(b.steps);
        this.retentionDays = List.copyOf(b.retentionDays);
        this.seriesOf = b.seriesOf == null ? null : b.seriesOf.name;
        if (b.seriesOf != null && (!dimensions.equals(b.seriesOf.dimensions) || seriesLimit != b.seriesOf.seriesLimit)) {
            throw takesItsDimensions(name, seriesOf);
        }
        validate();
    }

    private static long defaultMaxValue(MetricKind kind, Unit unit) {
        if (kind != MetricKind.DISTRIBUTION || unit == null) {
            return DEFAULT_MAX_VALUE;
        }
        return switch (unit) {
            case MICROSECONDS -> 60_000_000L;        // one minute
            case MILLISECONDS -> 3_600_000L;         // one hour
            default -> 1_000_000_000_000L;
        };
    }

    private void validate() {
        Set<String> dimNames = new HashSet<>();
        long keySpace = 1;
        for (Dimension<?> d : dimensions) {
            if (!dimNames.add(d.name())) {
                throw fail("dimension " + d.name() + " appears twice");
            }
            if (keySpace > (1L << 62) / d.size()) {
                throw fail("dimensions " + dimNames + " have more than 2^62 combinations");
            }
            keySpace *= d.size();
        }
        if (seriesLimit < 1 || seriesLimit > 1 << 22) {
            throw fail("series limit must be 1.." + (1 << 22) + ", was " + seriesLimit);
        }
        if (maxValue < 1) {
            throw fail("max value must be positive, was " + maxValue);
        }
        if (unit == Unit.MINOR_UNITS && (currency == null || !currency.matches("[A-Z]{3}"))) {
            throw fail("money in minor units needs an ISO 4217 currency code, was " + currency);
        }
        if (unit != Unit.MINOR_UNITS && currency != null) {
            throw fail("a currency only applies to MINOR_UNITS");
        }
        if (significantDigits < 1 || significantDigits > 3) {
            throw fail("significant digits must be 1..3, was " + significantDigits);
        }
        if (!(headlineQuantile > 0 && headlineQuantile <= 1)) {
            throw fail("headline quantile must be in (0, 1], was " + headlineQuantile);
        }
        if (lgK < 4 || lgK > 16) {
            throw fail("lgK must be 4..16, was " + lgK);
        }
        if ((kind == MetricKind.DERIVED) != (formula != null)) {
            throw fail(kind == MetricKind.DERIVED ? "a derived metric needs a formula"
                    : "only a derived metric has a formula");
        }
        if (kind == MetricKind.DERIVED && formula.references().contains(name)) {
            throw fail("a derived metric cannot refer to itself");
        }
        if ((kind == MetricKind.FUNNEL) != !steps.isEmpty()) {
            throw fail(kind == MetricKind.FUNNEL ? "a funnel needs at least two steps" : "only a funnel has steps");
        }
        if (kind == MetricKind.FUNNEL) {
            if (steps.size() < 2 || steps.size() > 16 || new HashSet<>(steps).size() != steps.size()) {
                throw fail("a funnel needs 2..16 distinct steps, was " + steps);
            }
            steps.forEach(s -> Dimension.checkName(s, "funnel step"));
        }
        if (kind == MetricKind.RETENTION) {
            if (retentionDays.isEmpty() || retentionDays.stream().anyMatch(d -> d < 1 || d > 366)
                    || new TreeSet<>(retentionDays).size() != retentionDays.size()) {
                throw fail("retention offsets must be distinct days in 1..366, was " + retentionDays);
            }
        } else if (!retentionDays.isEmpty()) {
            throw fail("only a retention metric has retention offsets");
        }
    }

    private IllegalArgumentException fail(String why) {
        return new IllegalArgumentException("metric " + name + ": " + why);
    }

    /** Events; sum. */
    public static Builder<CountMetric> count(String name) {
        return new Builder<CountMetric>(name, MetricKind.COUNT).unit(Unit.EVENTS);
    }

    /** Non-negative long values; sum. */
    public static Builder<SumMetric> sum(String name) {
        return new Builder<SumMetric>(name, MetricKind.SUM);
    }

    /** Numerator and denominator recorded together; sum each, then divide. */
    public static Builder<RatioMetric> ratio(String name) {
        return new Builder<RatioMetric>(name, MetricKind.RATIO).unit(Unit.RATIO);
    }

    /** An HdrHistogram of non-negative long values. */
    public static Builder<DistributionMetric> distribution(String name) {
        return new Builder<DistributionMetric>(name, MetricKind.DISTRIBUTION);
    }

    /** Distinct ids, in an HLL sketch (a Theta sketch with {@link Builder#setOperations()}). */
    public static Builder<DistinctMetric> distinct(String name) {
        return new Builder<DistinctMetric>(name, MetricKind.DISTINCT).unit(Unit.IDS);
    }

    /** A level: last value across time, sum across dimensions. */
    public static Builder<GaugeMetric> gauge(String name) {
        return new Builder<GaugeMetric>(name, MetricKind.GAUGE).unit(Unit.ONE);
    }

    /** A formula over other metrics, evaluated at query time. */
    public static Builder<DerivedMetric> derived(String name, Formula formula) {
        Builder<DerivedMetric> b = new Builder<DerivedMetric>(name, MetricKind.DERIVED);
        b.formula = Objects.requireNonNull(formula, "formula");
        return b;
    }

    /** Conversion of ids through ordered steps within a window. */
    public static Builder<FunnelMetric> funnel(String name, String... steps) {
        Builder<FunnelMetric> b = new Builder<FunnelMetric>(name, MetricKind.FUNNEL).unit(Unit.RATIO);
        b.steps = List.of(steps);
        return b;
    }

    /** Share of a cohort of ids active again after each of the retention offsets (days). */
    public static Builder<RetentionMetric> retention(String name) {
        Builder<RetentionMetric> b = new Builder<RetentionMetric>(name, MetricKind.RETENTION).unit(Unit.RATIO);
        b.retentionDays = DEFAULT_RETENTION_DAYS;
        return b;
    }

    /** Lower snake case name, unique in a registry. */
    public String name() { return name; }

    /** What it stores and how it rolls up. */
    public MetricKind kind() { return kind; }

    /** The unit of recorded and reported values. */
    public Unit unit() { return unit; }

    /** ISO 4217 code for {@link Unit#MINOR_UNITS}, otherwise null. */
    public String currency() { return currency; }

    /** Which way is better. */
    public Direction direction() { return direction; }

    /** One or two sentences: what it measures and its formula. */
    public String description() { return description; }

    /** Who it serves, sorted. */
    public SortedSet<Stakeholder> stakeholders() { return stakeholders; }

    /** The dimensions that slice it, in key order. */
    public List<Dimension<?>> dimensions() { return dimensions; }

    /** The dimension of that name, or null. */
    public Dimension<?> dimension(String dimensionName) {
        for (Dimension<?> d : dimensions) {
            if (d.name().equals(dimensionName)) {
                return d;
            }
        }
        return null;
    }

    /** Most distinct series kept; combinations past it fold into one overflow series. */
    public int seriesLimit() { return seriesLimit; }

    /**
     * Largest value one event may record (sum, ratio parts, distribution); larger is refused as
     * absurd. Defaults to 10^15; for distributions it is also the histogram's highest trackable
     * value and defaults by unit: one minute of microseconds, one hour of milliseconds, else 10^12.
     */
    public long maxValue() { return maxValue; }

    /** HdrHistogram precision in significant decimal digits (distribution). */
    public int significantDigits() { return significantDigits; }

    /**
     * The quantile a distribution's value stands for in results, scorecards and trees (0.5, the
     * median, unless the definition names another: 0.99 for a p99 latency guardrail).
     */
    public double headlineQuantile() { return headlineQuantile; }

    /** log2 of the sketch size (distinct, funnel, retention). */
    public int lgK() { return lgK; }

    /** Whether ids are kept in Theta sketches so set operations apply. */
    public boolean setOperations() { return setOperations; }

    /** The formula of a derived metric, else null. */
    public Formula formula() { return formula; }

    /** Funnel steps in order, else empty. */
    public List<String> steps() { return steps; }

    /** Retention offsets in days, else empty. */
    public List<Integer> retentionDays() { return retentionDays; }

    /** Dimensions or a series limit set beside {@code seriesOf}, before or after it. */
    private static IllegalArgumentException takesItsDimensions(String name, String seriesOf) {
        return new IllegalArgumentException("metric " + name + ": numbers its series as " + seriesOf
                + ", so it takes that metric's dimensions and series limit; do not set them");
    }

    /**
     * The metric whose series numbers this one shares ({@link Builder#seriesOf}), or null if it
     * numbers its own.
     */
    public String seriesOf() { return seriesOf; }

    @Override public boolean equals(Object o) {
        return o instanceof MetricDefinition<?> d && name.equals(d.name) && kind == d.kind && unit == d.unit
                && Objects.equals(currency, d.currency) && direction == d.direction
                && description.equals(d.description) && stakeholders.equals(d.stakeholders)
                && dimensions.equals(d.dimensions) && seriesLimit == d.seriesLimit && maxValue == d.maxValue
                && significantDigits == d.significantDigits && headlineQuantile == d.headlineQuantile && lgK == d.lgK && setOperations == d.setOperations
                && Objects.equals(formula, d.formula) && steps.equals(d.steps)
                && retentionDays.equals(d.retentionDays) && Objects.equals(seriesOf, d.seriesOf);
    }

    @Override public int hashCode() {
        return Objects.hash(name, kind, unit, dimensions);
    }

    @Override public String toString() {
        return kind.name().toLowerCase() + " " + name + " [" + unit.symbol() + "]"
                + (dimensions.isEmpty() ? "" : " by " + dimensions.stream().map(Dimension::name).toList());
    }

    /**
     * Builds a definition. Options that belong to another kind are refused at {@link #build()}.
     *
     * @param <H> the handle type
     */
    public static final class Builder<H extends Metric> {
        private final String name;
        private final MetricKind kind;
        private Unit unit;
        private String currency;
        private Direction direction = Direction.HIGHER_IS_BETTER;
        private String description;
        private final Set<Stakeholder> stakeholders = new HashSet<>();
        private final List<Dimension<?>> dimensions = new ArrayList<>();
        private int seriesLimit = DEFAULT_SERIES_LIMIT;
        private MetricDefinition<?> seriesOf;
        private long maxValue;
        private int significantDigits = 2;
        private double headlineQuantile = 0.5;
        private int lgK = DEFAULT_LG_K;
        private boolean setOperations;
        private Formula formula;
        private List<String> steps = List.of();
        private List<Integer> retentionDays = List.of();

        private Builder(String name, MetricKind kind) {
            this.name = name;
            this.kind = kind;
        }

        /** The unit; counts default to events, distinct to ids, ratios to ratio. */
        public Builder<H> unit(Unit unit) {
            this.unit = unit;
            return this;
        }

        /** Money: unit minor units of an ISO 4217 currency (e.g. {@code "CNY"}). */
        public Builder<H> money(String isoCurrency) {
            this.unit = Unit.MINOR_UNITS;
            this.currency = isoCurrency;
            return this;
        }

        /** Which way is better (default higher). */
        public Builder<H> direction(Direction direction) {
            this.direction = Objects.requireNonNull(direction);
            return this;
        }

        /** What it measures; required. */
        public Builder<H> description(String description) {
            this.description = description;
            return this;
        }

        /** Who it serves. */
        public Builder<H> stakeholders(String... names) {
            for (String n : names) {
                stakeholders.add(Stakeholder.of(n));
            }
            return this;
        }

        /** Who it serves. */
        public Builder<H> stakeholders(Stakeholder... values) {
            stakeholders.addAll(List.of(values));
            return this;
        }

        /** The dimensions, in key order. */
        public Builder<H> dimensions(Dimension<?>... dims) {
            dimensions.addAll(List.of(dims));
            return this;
        }

        /** Most distinct series to keep (default {@value MetricDefinition#DEFAULT_SERIES_LIMIT}). */
        public Builder<H> seriesLimit(int limit) {
            this.seriesLimit = limit;
            return this;
        }

        /**
         * Numbers this metric's series as {@code other}'s, in any registry that holds both: takes
         * its dimensions and series limit, and a series number resolved on either handle is valid
         * on the other. For metrics fed by the same events (reads, engaged reads, read completion),
         * so a recorder resolves the series once per event instead of once per metric. The series
         * limit then counts the series of both together, and so do the registry's health counts
         * of series and folds: while the union stays under the limit nothing changes; past it, a
         * combination first seen by either folds into {@code (other)} for both, even in the
         * metric that would have had room for it alone. Set neither dimensions nor a series
         * limit alongside. {@code other} must be registered first.
         */
        public Builder<H> seriesOf(MetricDefinition<?> other) {
            Objects.requireNonNull(other, "other");
            if (!dimensions.isEmpty() || seriesLimit != DEFAULT_SERIES_LIMIT) {
                throw takesItsDimensions(name, other.name);
            }
            this.seriesOf = other;
            dimensions.clear();
            dimensions.addAll(other.dimensions);
            this.seriesLimit = other.seriesLimit;
            return this;
        }

        /** Largest value one event may record; larger values are refused as absurd. */
        public Builder<H> maxValue(long max) {
            this.maxValue = max;
            return this;
        }

        /** Distribution: HdrHistogram precision, 1..3 significant digits (default 2). */
        public Builder<H> significantDigits(int digits) {
            requireKind("significant digits", MetricKind.DISTRIBUTION);
            this.significantDigits = digits;
            return this;
        }

        /** Distribution: the quantile its value stands for (default 0.5; e.g. 0.99 for p99). */
        public Builder<H> headlineQuantile(double quantile) {
            requireKind("headline quantile", MetricKind.DISTRIBUTION);
            this.headlineQuantile = quantile;
            return this;
        }

        /** Distinct, funnel, retention: log2 of the sketch size (default 12). */
        public Builder<H> lgK(int lgK) {
            requireKind("lgK", MetricKind.DISTINCT, MetricKind.FUNNEL, MetricKind.RETENTION);
            this.lgK = lgK;
            return this;
        }

        /** Distinct: keep ids in a Theta sketch so set operations (intersections) apply. */
        public Builder<H> setOperations() {
            requireKind("set operations", MetricKind.DISTINCT);
            this.setOperations = true;
            return this;
        }

        /** Retention: the offsets in days after the cohort window (default 1, 7, 30). */
        public Builder<H> retentionDays(Integer... days) {
            requireKind("retention days", MetricKind.RETENTION);
            this.retentionDays = List.of(days);
            return this;
        }

        private void requireKind(String option, MetricKind... kinds) {
            if (!List.of(kinds).contains(kind)) {
                throw new IllegalArgumentException("metric " + name + ": " + option + " does not apply to "
                        + kind.name().toLowerCase());
            }
        }

        /** Validates and builds. */
        public MetricDefinition<H> build() {
            return new MetricDefinition<>(this);
        }
    }
}
