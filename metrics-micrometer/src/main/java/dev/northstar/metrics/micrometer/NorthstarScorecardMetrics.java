package dev.northstar.metrics.micrometer;

import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.scorecard.NodeScore;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.scorecard.ScoringOptions;
import dev.northstar.metrics.scorecard.Status;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import dev.northstar.metrics.tree.Role;
import dev.northstar.metrics.tree.TreeNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * Binds a {@link MetricTree}'s scorecard into a Micrometer {@link MeterRegistry}: per node its
 * value, prior value, change, status and, for guardrails, whether the guardrail is breached, so a
 * host can graph and alert on its North Star and guardrails in the backend it already runs.
 *
 * <pre>{@code
 * NorthstarScorecardMetrics.builder(tree, registry)
 *         .window(today -> Window.trailingDays(7, today))     // vs the 7 days before
 *         .build()
 *         .bindTo(meterRegistry);
 * // alert: northstar_scorecard_guardrail_breached{node="fraud_rate"} == 1
 * }</pre>
 *
 * <h2>Meters</h2>
 * Gauges, each tagged {@code tree} (the North Star's name), {@code node} (the node's metric) and
 * {@code role} ({@code north_star}, {@code core}, {@code supporting}, {@code guardrail}):
 * <ul>
 * <li>{@code northstar.scorecard.value}: the node's value over the window, in its metric's unit
 *     (minor currency units, a ratio in [0, 1], ids...);</li>
 * <li>{@code northstar.scorecard.prior}: its value over the comparison window;</li>
 * <li>{@code northstar.scorecard.change}: the relative change, a fraction ({@code -0.05} is
 *     −5%);</li>
 * <li>{@code northstar.scorecard.status}, on nodes with a target or a guardrail threshold: the
 *     {@linkplain #statusCode status as a number}, 0 on track, 1 at risk, 2 off track, 3 breached,
 *     −1 no data;</li>
 * <li>{@code northstar.scorecard.guardrail.breached}, on guardrails: 1 when breached, else 0 (no
 *     data included: the status says which).</li>
 * </ul>
 * A value that cannot be had (no data, a zero prior for the change) is NaN, Micrometer's "no
 * value". The window is chosen afresh at each refresh from today's date in the registry's zone
 * (by default today, so early in the day today's partial counts compare with all of yesterday's;
 * a trailing window judges better); the comparison window is its previous period unless set.
 *
 * <h2>Cost and failures</h2>
 * The first meter polled in a scrape evaluates the scorecard once (one snapshot of the tree's
 * metrics; trends off by default, since no meter shows them), and every other meter reads that
 * evaluation for {@linkplain Builder#refreshEvery one second} of the registry's clock. A poll never
 * throws into the host's scrape: a failed evaluation is counted in {@link #failures()} and in the
 * function counter {@code northstar.scorecard.failures}, logged at WARN (at most once a minute),
 * and the meters keep the last evaluation. The builder refuses a negative refresh interval with
 * {@link IllegalArgumentException}, and nulls with {@link NullPointerException}; the tree was
 * already checked against the registry when it was built.
 */
public final class NorthstarScorecardMetrics implements MeterBinder {
    private final MetricTree tree;
    private final MetricRegistry registry;
    private final Function<LocalDate, Window> window;
    private final UnaryOperator<Window> comparison;
    private final ScoringOptions options;
    private final String prefix;
    private final Tags tags;
    private final Failures failures;
    private final Refresher refresher;
    private volatile Map<String, NodeScore> nodes = Map.of();

    private NorthstarScorecardMetrics(Builder b) {
        this.tree = b.tree;
        this.registry = b.registry;
        this.window = b.window;
        this.comparison = b.comparison;
        this.options = b.options;
        this.prefix = b.prefix;
        this.tags = b.tags.and("tree", tree.northStar().metric());
        this.failures = new Failures(b.logger, "Northstar scorecard meters of " + tree.northStar().metric());
        this.refresher = new Refresher(registry.clock(), b.refreshEvery, this::evaluate, () -> { }, failures);
    }

    /** A builder for the scorecard of {@code tree} over the registry's data, today vs yesterday. */
    public static Builder builder(MetricTree tree, MetricRegistry registry) {
        return new Builder(tree, registry);
    }

    /**
     * The number a status is shown as: 0 on track, 1 at risk, 2 off track, 3 breached (worse is
     * higher, so {@code status >= 2} alerts), −1 no data, NaN unset (a node with neither a target
     * nor a threshold, which gets no status meter).
     */
    public static double statusCode(Status status) {
        return switch (status) {
            case ON_TRACK -> 0;
            case AT_RISK -> 1;
            case OFF_TRACK -> 2;
            case BREACHED -> 3;
            case NO_DATA -> -1;
            case UNSET -> Double.NaN;
        };
    }

    /** Registers every node's gauges and {@code <prefix>scorecard.failures}, after one evaluation. */
    @Override public void bindTo(MeterRegistry meters) {
        Objects.requireNonNull(meters, "meters");
        refresher.refreshNow();
        for (TreeNode n : tree.nodes()) {
            register(meters, n, "value", "Scorecard node value over the window, in the metric's unit",
                    s -> orNaN(s.current().value()));
            register(meters, n, "prior", "Scorecard node value over the comparison window, in the metric's unit",
                    s -> orNaN(s.prior().value()));
            register(meters, n, "change", "Scorecard node change against the comparison window, as a fraction",
                    s -> orNaN(s.change().relative()));
            if (n.target().isPresent() || n.threshold().isPresent()) {
                register(meters, n, "status", "Scorecard node status: 0 on track, 1 at risk, 2 off track, "
                        + "3 breached, -1 no data", s -> statusCode(s.status()));
            }
            if (n.role() == Role.GUARDRAIL) {
                register(meters, n, "guardrail.breached", "1 when the guardrail is breached, else 0",
                        s -> s.status() == Status.BREACHED ? 1 : 0);
            }
        }
        FunctionCounter.builder(prefix + "scorecard.failures", registry, r -> failures.count()).tags(tags)
                .description("Scorecard evaluations for meters that failed (the meters kept the last one)")
                .register(meters);
    }

    /** Evaluations that failed so far. */
    public long failures() {
        return failures.count();
    }

    private void register(MeterRegistry meters, TreeNode n, String name, String help,
                          ToDoubleFunction<NodeScore> value) {
        Gauge.builder(prefix + "scorecard." + name, registry, r -> refresher.poll(() -> {
            NodeScore score = nodes.get(n.metric());
            return score == null ? Double.NaN : value.applyAsDouble(score);
        })).tags(tags.and("node", n.metric()).and("role", n.role().name().toLowerCase(Locale.ROOT)))
                .description(help).register(meters);
    }

    private static double orNaN(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }

    private void evaluate() {
        Window w = BinderSettings.windowNow(registry, window);
        Scorecard card = Scorecard.evaluate(tree, registry, w, comparison.apply(w), options);
        Map<String, NodeScore> byNode = new HashMap<>();
        card.nodes().forEach(n -> byNode.put(n.metric(), n));
        nodes = Map.copyOf(byNode);
    }

    /** Chooses the windows, the names and the refresh; nothing to check until {@link #build()}. */
    public static final class Builder extends BinderSettings<Builder> {
        private final MetricTree tree;
        private final MetricRegistry registry;
        private UnaryOperator<Window> comparison = Window::previous;
        private ScoringOptions options = ScoringOptions.DEFAULTS.withTrendPeriods(0);

        private Builder(MetricTree tree, MetricRegistry registry) {
            super(LoggerFactory.getLogger(NorthstarScorecardMetrics.class));
            this.tree = Objects.requireNonNull(tree, "tree");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        @Override Builder self() {
            return this;
        }

        /** The comparison window of a window; {@code Window::previous} by default. */
        public Builder comparison(UnaryOperator<Window> comparison) {
            this.comparison = Objects.requireNonNull(comparison, "comparison");
            return this;
        }

        /** How the scorecard is evaluated; the defaults without trends by default. */
        public Builder options(ScoringOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The binder. */
        public NorthstarScorecardMetrics build() {
            return new NorthstarScorecardMetrics(this);
        }
    }
}
