package dev.northstar.content;

import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.tree.MetricTree;
import dev.northstar.metrics.tree.Target;
import dev.northstar.metrics.tree.Threshold;

/**
 * The default success-metrics tree of a content platform, over the {@link ContentCatalog}:
 *
 * <pre>
 * North Star  engaged_reads = reads × read_completion_rate                  (exact)
 * core        reads = deliveries × read_rate + spread_reads                 (exact)
 *             deliveries, read_rate, spread_reads
 * supporting  unique_readers (under reads), articles_published (under deliveries), follows
 *             (under deliveries)
 * guardrails  read_completion_rate ≥ 45% (anti-clickbait), report_rate ≤ 0.1%,
 *             unfollows_per_follower no more than 25% worse, ad_load ≤ 0.6
 * </pre>
 *
 * <pre>{@code
 * MetricTree tree = ContentTree.build(registry);
 * Scorecard week = Scorecard.evaluate(tree, registry, Window.isoWeek(today));
 * }</pre>
 *
 * <p>Why engaged reads: a read that is finished is the value both sides of the platform get —
 * the reader read, the account was read — and, unlike raw reads, a clickbait wave cannot inflate
 * it, because its completion rate falls; the completion guardrail makes that visible even when
 * raw reads rise. Hosts adjust targets and thresholds on the returned builder.
 */
public final class ContentTree {
    private ContentTree() {
    }

    /** The default tree as a builder, for a host to adjust before building. */
    public static MetricTree.Builder defaults() {
        return MetricTree.builder()
                .northStar("engaged_reads")
                .core("reads").core("deliveries").core("read_rate").core("spread_reads")
                .supporting("unique_readers").supporting("articles_published").supporting("follows")
                .guardrail("read_completion_rate", Threshold.atLeast(0.45).warnAt(0.47))
                .guardrail("report_rate", Threshold.atMost(0.001).warnAt(0.0006))
                .guardrail("unfollows_per_follower", Threshold.noWorseThan(0.25))
                .guardrail("ad_load", Threshold.atMost(0.6).warnAt(0.5))
                .formula("engaged_reads", Formula.product(Formula.ref("reads"), Formula.ref("read_completion_rate")))
                .formula("reads", ContentCatalog.READS_FORMULA)
                .influence("reads", "unique_readers")
                .influence("deliveries", "articles_published", "follows")
                .influence("engaged_reads", "report_rate", "unfollows_per_follower", "ad_load")
                .target("engaged_reads", Target.relativeChange(0.01));
    }

    /** The default tree over a registry the catalog was registered in. */
    public static MetricTree build(MetricRegistry registry) {
        return defaults().build(registry);
    }
}
