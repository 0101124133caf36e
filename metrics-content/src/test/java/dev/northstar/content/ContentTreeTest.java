package dev.northstar.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.attribution.Attribution;
import dev.northstar.metrics.attribution.DimensionAttribution;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.scorecard.Status;
import dev.northstar.metrics.time.Window;
import dev.northstar.metrics.tree.MetricTree;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default content tree over simulated incidents, read through its scorecard. */
class ContentTreeTest {
    static final LocalDate CLICKBAIT_DAY = Simulations.FIRST_DAY.plusDays(3);
    static final LocalDate FEED_CHANGE_DAY = Simulations.FIRST_DAY.plusDays(7);
    static List<String> clickbaiters;
    static MetricRegistry registry;
    static MetricTree tree;

    @BeforeAll
    static void simulate() {
        ContentSimulator.Config cfg = Simulations.small(7);
        clickbaiters = Simulations.subscriptionAccounts(new ContentSimulator(cfg), 3, 3);
        registry = Simulations.run(cfg.withIncidents(List.of(
                ContentIncident.ClickbaitWave.of(CLICKBAIT_DAY, 1, clickbaiters),
                new ContentIncident.FeedAlgorithmChange(FEED_CHANGE_DAY, 0.5))), 2);
        tree = ContentTree.build(registry);
    }

    @Test
    void theTreesFormulasHoldOnAnOrdinaryDay() {
        Window day = Window.day(Simulations.FIRST_DAY.plusDays(1));
        Scorecard card = Scorecard.evaluate(tree, registry, day);
        assertThat(card.checks()).filteredOn(c -> c.window().equals(day)).hasSize(2)
                .allSatisfy(c -> assertThat(c.verdict().name()).isEqualTo("HOLDS"));
    }

    @Test
    void aClickbaitWaveRaisesReadsButLowersCompletionAndIsAttributedToItsAccounts() {
        Window day = Window.day(CLICKBAIT_DAY);
        Scorecard card = Scorecard.evaluate(tree, registry, day);

        assertThat(card.node("reads").change().relative().orElseThrow()).isPositive();
        assertThat(card.node("read_completion_rate").change().relative().orElseThrow()).isNegative();
        assertThat(card.node("read_completion_rate").status()).isIn(Status.AT_RISK, Status.BREACHED);

        Attribution why = Attribution.explain(tree, registry, "read_completion_rate", day, day.previous());
        DimensionAttribution byAccount = why.dimension("account").orElseThrow();
        assertThat(byAccount.explanatorySet()).isNotEmpty();
        assertThat(clickbaiters).containsAll(byAccount.explanatorySet());
    }

    @Test
    void aFeedChangeShowsUpAsAShiftAcrossTrafficSourcesNotAChangeInReads() {
        Window day = Window.day(FEED_CHANGE_DAY);
        Attribution why = Attribution.explain(tree, registry, "reads", day, day.previous());
        DimensionAttribution bySource = why.dimension("traffic_source").orElseThrow();
        double push = contribution(bySource, "CHAT_SESSION");
        double feed = contribution(bySource, "RECOMMENDATION_FEED");

        assertThat(push).isNegative();
        assertThat(feed).isPositive();
        assertThat(Math.abs(bySource.change())).isLessThan(Math.min(-push, feed) / 2);
    }

    private static double contribution(DimensionAttribution a, String segment) {
        return a.segments().stream().filter(s -> s.segment().equals(segment)).findFirst().orElseThrow().contribution();
    }
}
