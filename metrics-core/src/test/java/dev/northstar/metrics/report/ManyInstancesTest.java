package dev.northstar.metrics.report;

import static dev.northstar.metrics.testing.PaymentsWorld.PRIOR_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.THIS_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.scorecard.NodeScore;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.snapshot.SnapshotCodec;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.testing.PaymentsWorld.Channel;
import dev.northstar.metrics.testing.PaymentsWorld.Region;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Three service instances record disjoint parts of one stream; a merger sees the whole. */
class ManyInstancesTest {
    private final PaymentsWorld whole = new PaymentsWorld();
    private final List<PaymentsWorld> instances = List.of(new PaymentsWorld(), new PaymentsWorld(), new PaymentsWorld());

    ManyInstancesTest() {
        int i = 0;
        for (LocalDate monday : List.of(PRIOR_WEEK, WEEK)) {
            for (int k = 0; k < 3_000; k++, i++) {
                long when = at(monday.plusDays(k % 7), k % 3_600);
                Region r = Region.values()[k % 4];
                Channel c = Channel.values()[(k / 4) % 2];
                long payer = (k * 7919L) % 9_000;       // past the sketch's exact range
                boolean ok = k % 13 != 0;
                whole.pay(when, r, c, payer, 100 + k % 500, ok);
                instances.get(i % 3).pay(when, r, c, payer, 100 + k % 500, ok);
            }
        }
    }

    private SnapshotMerger merger() {
        return new SnapshotMerger(whole.registry.definitions(), PaymentsWorld.ZONE, 3_600_000L);
    }

    @Test
    void mergedSnapshotsGiveTheScorecardOfTheWholeStream() {
        SnapshotMerger merger = merger();
        for (int n = 0; n < instances.size(); n++) {
            assertThat(merger.accept("pay-" + n, SnapshotCodec.encode(instances.get(n).registry.snapshot()))).isTrue();
        }

        Scorecard merged = Scorecard.evaluate(whole.tree(), merger.merged(), THIS_WEEK);
        Scorecard expected = Scorecard.evaluate(whole.tree(), whole.registry, THIS_WEEK);

        assertThat(merger.refusals()).isEmpty();
        for (NodeScore e : expected.nodes()) {
            NodeScore m = merged.node(e.metric());
            if (e.metric().equals("active_payers") || e.metric().equals("tx_per_payer")) {
                double x = e.current().value().orElseThrow();
                assertThat(m.current().value().orElseThrow()).as(e.metric()).isCloseTo(x, within(0.03 * x));
            } else {
                assertThat(m.current()).as(e.metric()).isEqualTo(e.current());
                assertThat(m.prior()).as(e.metric()).isEqualTo(e.prior());
                assertThat(m.status()).as(e.metric()).isEqualTo(e.status());
            }
        }
    }

    @Test
    void malformedBytesAreRefusedWithAClearErrorAndTheRestAreKept() {
        SnapshotMerger merger = merger();
        byte[] good0 = SnapshotCodec.encode(instances.get(0).registry.snapshot());
        byte[] good2 = SnapshotCodec.encode(instances.get(2).registry.snapshot());
        byte[] bad = SnapshotCodec.encode(instances.get(1).registry.snapshot());
        byte[] truncated = Arrays.copyOf(bad, bad.length / 2);
        bad[0] = 'X';

        assertThat(merger.accept("pay-0", good0)).isTrue();
        assertThat(merger.accept("pay-1", bad)).isFalse();
        assertThat(merger.accept("pay-1-retry", truncated)).isFalse();
        assertThat(merger.accept("pay-2", good2)).isTrue();

        assertThat(merger.accepted()).isEqualTo(2);
        assertThat(merger.refusals()).extracting(SnapshotMerger.Refusal::source).containsExactly("pay-1", "pay-1-retry");
        assertThat(merger.refusals()).allSatisfy(r -> assertThat(r.reason()).startsWith("malformed snapshot: "));
        assertThat(merger.refusals().get(0).reason()).containsIgnoringCase("magic");
        Query tx = Query.of("transactions").window(THIS_WEEK);
        double kept = instances.get(0).registry.query(tx).value().value().orElseThrow()
                + instances.get(2).registry.query(tx).value().value().orElseThrow();
        assertThat(kept).isPositive();
        assertThat(QueryEngine.run(merger.merged(), tx).value().value().orElseThrow()).isEqualTo(kept);
    }
}
