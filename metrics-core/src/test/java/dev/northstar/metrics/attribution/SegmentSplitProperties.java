package dev.northstar.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class SegmentSplitProperties {

    @Provide
    Arbitrary<Segment> ratioSegments() {
        Arbitrary<Long> den = Arbitraries.longs().between(0, 1_000_000);
        Arbitrary<Double> rate = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(Arbitraries.strings().alpha().ofLength(6), den, rate, den, rate)
                .as((label, d0, r0, d1, r1) -> new Segment(label, Math.floor(d0 * r0), d0, Math.floor(d1 * r1), d1));
    }

    @Property(tries = 2000)
    void rateAndMixEffectsSumToTheChangeOfTheRatio(@ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.From("ratioSegments") Segment> segments) {
        List<Segment> unique = relabel(segments);
        double n0 = unique.stream().mapToDouble(Segment::priorNumerator).sum();
        double d0 = unique.stream().mapToDouble(Segment::priorDenominator).sum();
        double n1 = unique.stream().mapToDouble(Segment::currentNumerator).sum();
        double d1 = unique.stream().mapToDouble(Segment::currentDenominator).sum();

        var split = SegmentSplit.rateMix("rate", "segment", unique);

        if (d0 == 0 || d1 == 0) {
            assertThat(split).isEmpty();
            return;
        }
        DimensionAttribution d = split.orElseThrow();
        double change = n1 / d1 - n0 / d0;
        assertThat(d.change()).isCloseTo(change, within(1e-12));
        assertThat(d.rateEffect() + d.mixEffect()).isCloseTo(change, within(1e-9));
        double perSegment = d.segments().stream()
                .mapToDouble(s -> s.rateEffect().orElseThrow() + s.mixEffect().orElseThrow()).sum();
        assertThat(perSegment).isCloseTo(change, within(1e-9));
    }

    @Property(tries = 1000)
    void additiveContributionsSumToTheChangeOfTheTotal(
            @ForAll @Size(min = 1, max = 12) List<@net.jqwik.api.constraints.LongRange(min = 0, max = 1_000_000_000L) Long> prior,
            @ForAll @Size(min = 12, max = 12) List<@net.jqwik.api.constraints.LongRange(min = 0, max = 1_000_000_000L) Long> current) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < prior.size(); i++) {
            segments.add(Segment.additive("s" + i, prior.get(i), current.get(i)));
        }

        DimensionAttribution d = SegmentSplit.additive("tpv", "segment", segments);

        double sum = d.segments().stream().mapToDouble(SegmentContribution::contribution).sum();
        assertThat(sum).isEqualTo(d.change());
        assertThat(d.change()).isEqualTo(current.subList(0, prior.size()).stream().mapToDouble(Long::doubleValue).sum()
                - prior.stream().mapToDouble(Long::doubleValue).sum());
    }

    private static List<Segment> relabel(List<Segment> segments) {
        List<Segment> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            out.add(new Segment("s" + i, s.priorNumerator(), s.priorDenominator(), s.currentNumerator(),
                    s.currentDenominator()));
        }
        return out;
    }
}
