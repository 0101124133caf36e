package dev.northstar.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentSplitTest {

    @Test
    void whenEverySegmentsRateRisesButTheTotalFallsTheFallIsMix() {
        // Simpson's paradox: card 90% -> 95%, wallet 98% -> 99%, but volume moves to card
        List<Segment> segments = List.of(
                new Segment("card", 900, 1000, 8550, 9000),
                new Segment("wallet", 8820, 9000, 990, 1000));

        DimensionAttribution d = SegmentSplit.rateMix("success_rate", "channel", segments).orElseThrow();

        assertThat(d.prior()).isCloseTo(0.972, within(1e-12));
        assertThat(d.current()).isCloseTo(0.954, within(1e-12));
        assertThat(d.segments()).allSatisfy(s -> assertThat(s.rateEffect().orElseThrow()).isPositive());
        assertThat(d.rateEffect()).isPositive();
        assertThat(d.mixEffect()).isNegative().isLessThan(d.change());
        assertThat(d.mostlyMix()).isTrue();
        assertThat(d.rateEffect() + d.mixEffect()).isCloseTo(d.change(), within(1e-15));
    }

    @Test
    void aRateDropInOneSegmentIsRateAndThatSegmentRanksFirst() {
        List<Segment> segments = List.of(
                new Segment("east", 9700, 10000, 9100, 10000),
                new Segment("north", 9700, 10000, 9700, 10000),
                new Segment("south", 9700, 10000, 9690, 10000));

        DimensionAttribution d = SegmentSplit.rateMix("success_rate", "region", segments).orElseThrow();

        SegmentContribution east = d.segments().get(0);
        assertThat(east.segment()).isEqualTo("east");
        assertThat(east.rateEffect()).hasValueCloseTo(-0.02, within(1e-12));
        assertThat(east.mixEffect()).hasValueCloseTo(0.0, within(1e-12));
        assertThat(east.explanatoryPower()).hasValueCloseTo(0.06 / 0.061, within(1e-9));   // -2 pp of -2.03 pp
        assertThat(d.explanatorySet()).containsExactly("east");
        assertThat(d.explainsMove()).isTrue();
        assertThat(d.mostlyMix()).isFalse();
    }

    @Test
    void aNewSegmentIsAllMix() {
        DimensionAttribution d = SegmentSplit.rateMix("success_rate", "channel", List.of(
                new Segment("card", 90, 100, 90, 100),
                new Segment("mini_program", 0, 0, 50, 100))).orElseThrow();

        SegmentContribution mini = d.segment("mini_program").orElseThrow();
        assertThat(mini.prior()).isEmpty();
        assertThat(mini.rateEffect()).hasValue(0.0);
        assertThat(d.rateEffect() + d.mixEffect()).isCloseTo(d.change(), within(1e-15));
        assertThat(d.change()).isCloseTo(-0.2, within(1e-15));
    }

    @Test
    void aRatioWithNoDenominatorInAWindowHasNoSplit() {
        assertThat(SegmentSplit.rateMix("success_rate", "channel", List.of(new Segment("card", 0, 0, 1, 2))))
                .isEmpty();
    }

    @Test
    void additiveSegmentsRankByTheirPartOfTheMove() {
        DimensionAttribution d = SegmentSplit.additive("tpv", "region", List.of(
                Segment.additive("east", 1000, 700),
                Segment.additive("north", 1000, 1010),
                Segment.additive("south", 1000, 990)));

        assertThat(d.change()).isEqualTo(-300.0);
        assertThat(d.segments()).extracting(SegmentContribution::segment).containsExactly("east", "south", "north");
        assertThat(d.segments().get(0).explanatoryPower()).hasValue(1.0);
        assertThat(d.explanatorySet()).containsExactly("east");
        assertThat(d.surprise()).isPositive();
    }

    @Test
    void surpriseIsZeroForAnUnmovedShareAndGrowsWithTheMove() {
        assertThat(Surprise.of(0.25, 0.25)).isZero();
        assertThat(Surprise.of(0.25, 0.10)).isPositive().isLessThan(Surprise.of(0.25, 0.01));
        assertThat(Surprise.of(1, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(Surprise.of(Double.NaN, 0.2)).isZero();
    }
}
