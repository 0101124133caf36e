package dev.northstar.metrics.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Snapshots of the same definitions merge into one view, as many instances of a service combine:
 * a stream split over k registries (same definitions, zone and clock, each with its own dimension
 * instances), their snapshots merged in any order and grouping, answers every query as one
 * registry that recorded the whole stream; merge has the empty snapshot as identity and is
 * commutative and associative. Answers are compared over every kind of window: exactly for every
 * kind but HLL distinct counts, which agree within three relative standard errors.
 *
 * <p>Merchants stay within the open dimension's limit here: which merchants fold into
 * {@code (other)} depends on the order each instance first sees them, so instances past the limit
 * legitimately disagree.
 */
class SnapshotMergeProperties {
    private static final Duration HOUR = Duration.ofHours(1);

    @Provide
    Arbitrary<StreamSpec> streams() {
        return StreamSpec.arbitrary(1200, 2);
    }

    /** The same stream recorded by one registry and, split at random, by {@code k} registries. */
    static final class Fleet {
        final StreamSpec spec;
        final ManualClock clock;
        final PaymentMetrics whole;
        final List<PaymentMetrics> parts = new ArrayList<>();

        Fleet(StreamSpec spec, int k) {
            this.spec = spec;
            this.clock = new ManualClock(Instant.ofEpochMilli(spec.startMillis()));
            this.whole = newMetrics(clock, spec);
            for (int i = 0; i < k; i++) {
                parts.add(newMetrics(clock, spec));
            }
            SplittableRandom split = new SplittableRandom(spec.seed() + k);
            List<StreamSpec.Delivery> deliveries = spec.deliveries();
            long last = spec.startMillis();
            for (StreamSpec.Delivery d : deliveries) {
                clock.set(d.clockMillis());
                whole.record(d.payment());
                parts.get(split.nextInt(k)).record(d.payment());
                last = d.clockMillis();
            }
            clock.set(Math.max(last, spec.finalClock(deliveries.stream().map(StreamSpec.Delivery::payment).toList())));
        }

        private static PaymentMetrics newMetrics(ManualClock clock, StreamSpec spec) {
            MetricRegistry registry = Scenario.newRegistry(clock);
            return new PaymentMetrics(registry, spec.latencyDigits(), StreamSpec.MERCHANTS);
        }

        List<Snapshot> partSnapshots() {
            return parts.stream().map(p -> p.registry().snapshot()).toList();
        }

        /**
         * Where every payment lands depends on the event time alone when the clock stands still;
         * when it moves, each registry compacts its own buckets at its own pace and only windows
         * with complete coverage must agree.
         */
        boolean placementIsTheSameEverywhere() {
            return spec.clock() == StreamSpec.ClockMode.FIXED_AFTER_LAST_EVENT;
        }
    }

    @Property(tries = 8)
    void mergedSnapshotsOfPartsAnswerAsOneRegistryOfTheWholeStream(@ForAll("streams") StreamSpec spec,
                                                                   @ForAll @IntRange(min = 1, max = 4) int k,
                                                                   @ForAll long mergeSeed) {
        Fleet fleet = new Fleet(spec, k);
        SplittableRandom random = new SplittableRandom(mergeSeed);
        List<Snapshot> pending = new ArrayList<>(fleet.partSnapshots());
        java.util.Collections.shuffle(pending, new java.util.Random(mergeSeed));
        while (pending.size() > 1) { // merge a random adjacent pair: any order, any grouping
            int i = random.nextInt(pending.size() - 1);
            pending.set(i, pending.get(i).merge(pending.remove(i + 1)));
        }

        assertSameAnswers(fleet.whole.registry().snapshot(), pending.get(0), windows(spec),
                fleet.placementIsTheSameEverywhere(), "whole stream vs merged parts");
    }

    @Property(tries = 8)
    void mergingWithTheEmptySnapshotChangesNothing(@ForAll("streams") StreamSpec spec) {
        Fleet fleet = new Fleet(spec, 1);
        Snapshot a = fleet.partSnapshots().get(0);
        Snapshot empty = Snapshot.empty(a.zone(), a.grainMillis());

        assertThat(a.merge(empty)).as("a + empty").isEqualTo(a);
        assertThat(empty.merge(a)).as("empty + a").isEqualTo(a);
        assertThat(empty.merge(empty)).as("empty + empty").isEqualTo(empty);
        assertSameAnswers(a, empty.merge(a).merge(empty), windows(spec), true, "a vs empty + a + empty");
    }

    @Property(tries = 8)
    void mergeIsCommutative(@ForAll("streams") StreamSpec spec) {
        List<Snapshot> s = new Fleet(spec, 2).partSnapshots();

        assertSameAnswers(s.get(0).merge(s.get(1)), s.get(1).merge(s.get(0)), windows(spec), true,
                "a + b vs b + a");
    }

    @Property(tries = 8)
    void mergeIsAssociative(@ForAll("streams") StreamSpec spec) {
        List<Snapshot> s = new Fleet(spec, 3).partSnapshots();

        assertSameAnswers(s.get(0).merge(s.get(1)).merge(s.get(2)), s.get(0).merge(s.get(1).merge(s.get(2))),
                windows(spec), true, "(a + b) + c vs a + (b + c)");
    }

    /** Days, ISO weeks, months, a trailing week, hours (old and recent), hour-aligned and unaligned ranges. */
    static List<Window> windows(StreamSpec spec) {
        Set<Window> out = new LinkedHashSet<>();
        for (LocalDate d = spec.firstDay().minusDays(1); !d.isAfter(spec.lastDay().plusDays(1)); d = d.plusDays(1)) {
            out.add(Window.day(d));
            out.add(Window.isoWeek(d));
            out.add(Window.month(YearMonth.from(d)));
        }
        out.add(Window.trailingDays(7, spec.lastDay()));
        Instant start = Instant.ofEpochMilli(spec.startMillis());
        for (int h = 5; h < StreamSpec.DAYS * 24; h += 19) {
            out.add(Window.hour(start.plus(HOUR.multipliedBy(h))));
        }
        out.add(Window.between(start.plus(HOUR.multipliedBy(30)), start.plus(HOUR.multipliedBy(100))));
        out.add(Window.between(start.plus(HOUR.multipliedBy(180)), start.plus(HOUR.multipliedBy(240))));
        out.add(Window.between(start.plus(Duration.ofMinutes(6_000)), start.plus(Duration.ofMinutes(13_333))));
        return new ArrayList<>(out);
    }

    /**
     * Every metric over every window (unsliced and by merchant and cross-border, alternately)
     * gets the same answer from both snapshots. With {@code evenIfIncomplete}: the same coverage
     * and rows, always; without: the same completeness and, where complete, the same rows.
     */
    static void assertSameAnswers(Snapshot expected, Snapshot actual, List<Window> windows, boolean evenIfIncomplete,
                                  String what) {
        int turn = 0;
        for (Window w : windows) {
            Slice slice = turn++ % 2 == 0 ? Slice.ALL : Slice.BY_MERCHANT_AND_CROSS_BORDER;
            for (String metric : PaymentMetrics.ALL) {
                Query q = BruteForce.query(metric, w, slice);
                QueryResult e = QueryEngine.run(expected, q);
                QueryResult a = QueryEngine.run(actual, q);
                String ctx = what + ": " + q;
                if (evenIfIncomplete) {
                    assertThat(a.coverage()).as(ctx + ": coverage").isEqualTo(e.coverage());
                } else { // the notes name the buckets left out, which differ with each instance's compaction
                    assertThat(a.coverage().complete()).as(ctx + ": complete").isEqualTo(e.coverage().complete());
                    assertThat(a.coverage().inProgress()).as(ctx + ": in progress").isEqualTo(e.coverage().inProgress());
                    if (!e.coverage().complete()) {
                        continue;
                    }
                }
                assertThat(a.rows()).as(ctx + ": groups").extracting(Row::group)
                        .containsExactlyElementsOf(e.rows().stream().map(Row::group).toList());
                for (int i = 0; i < e.rows().size(); i++) {
                    Value ev = e.rows().get(i).value();
                    Value av = a.rows().get(i).value();
                    if (metric.equals(PaymentMetrics.PAYERS)) {
                        double n = ((Value.Distinct) ev).estimate();
                        assertThat(((Value.Distinct) av).estimate()).as(ctx + ": HLL estimate, group "
                                + e.rows().get(i).group()).isCloseTo(n, within(3 * BruteForce.HLL_RSE * n));
                    } else {
                        assertThat(av).as(ctx + ", group " + e.rows().get(i).group()).isEqualTo(ev);
                    }
                }
            }
        }
    }
}
