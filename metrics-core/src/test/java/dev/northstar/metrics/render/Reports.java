package dev.northstar.metrics.render;

import static dev.northstar.metrics.testing.PaymentsWorld.PRIOR_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.THIS_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.at;

import dev.northstar.metrics.attribution.Attribution;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.testing.PaymentsWorld.Channel;
import dev.northstar.metrics.testing.PaymentsWorld.Region;
import dev.northstar.metrics.tree.MetricTree;

/** Scorecards to render: a busy fortnight with a success-rate dip in the east, and an empty one. */
final class Reports {
    final PaymentsWorld world = new PaymentsWorld();
    final MetricTree tree;

    Reports(boolean withData) {
        if (withData) {
            for (LocalWeek w : LocalWeek.values()) {
                int i = 0;
                for (Region r : Region.values()) {
                    for (Channel c : Channel.values()) {
                        for (int k = 0; k < 300; k++, i++) {
                            boolean ok = !(w == LocalWeek.THIS && r == Region.EAST && k % 10 == 0);
                            world.pay(at(w.monday.plusDays(k % 7), k), r, c, i % 400 + (w == LocalWeek.THIS ? 0 : 7),
                                    1_000 + 10L * (k % 50), ok);
                        }
                    }
                }
            }
        }
        tree = world.tree();
    }

    private enum LocalWeek {
        BEFORE(PRIOR_WEEK), THIS(WEEK);

        final java.time.LocalDate monday;

        LocalWeek(java.time.LocalDate monday) {
            this.monday = monday;
        }
    }

    Scorecard card() {
        return Scorecard.evaluate(tree, world.registry, THIS_WEEK);
    }

    Attribution why() {
        return Attribution.explain(tree, world.registry, THIS_WEEK);
    }
}
