package dev.northstar.metrics.attribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Splits a metric's change among the values of one dimension, exactly and with no residual.
 *
 * <pre>{@code
 * DimensionAttribution byChannel = SegmentSplit.rateMix("success_rate", "channel", List.of(
 *         new Segment("card", 900, 1000, 190, 200),        // 90% -> 95%
 *         new Segment("wallet", 490, 500, 1290, 1300)))    // 98% -> 99.2%
 *         .orElseThrow();
 * byChannel.mixEffect();   // negative: volume moved to the channel with the lower rate
 * }</pre>
 *
 * <p><b>Additive</b> metrics (counts, sums, gauges): a segment contributes its own change.
 *
 * <p><b>Ratios</b> {@code R = Σ n / Σ d = Σ w_s r_s}, with share {@code w_s = d_s / D} and rate
 * {@code r_s = n_s / d_s}: a segment's change splits into a <em>rate effect</em>
 * {@code w̄_s Δr_s} (its rate moved) and a <em>mix effect</em> {@code Δw_s (r̄_s − R̄)} (its share
 * of the denominator moved, which raises the total when its rate is above the overall average
 * {@code R̄}); bars are the two windows' means. Because the shares sum to one in both windows the
 * centring term cancels, and {@code Σ (rate + mix) = ΔR} exactly: when every segment's rate rises
 * while the total falls (Simpson's paradox), the fall appears as mix. A segment with no
 * denominator in one window has no rate there; all of its change is mix.
 *
 * <p>Segments are ranked by explanatory power, {@code contribution / ΔR} (those that explain the
 * move in its direction first). The explanatory set follows Adtributor (Bhagwan et al., NSDI
 * 2014, §3.3): segments in descending order of surprise ({@link Surprise}; for a ratio, the sum
 * over numerator and denominator shares, as Adtributor does for derived measures), taking those
 * that explain at least {@value #EXPLAINS_PART} of the change, up to {@value #MAX_SET}, until
 * together they explain {@value #EXPLAINS_MOVE}.
 *
 * <p>Bad input: a ratio whose total denominator is zero in either window has no decomposition
 * (empty). Negative values give no surprise (shares are undefined) but still split exactly.
 */
public final class SegmentSplit {
    /** The part of the change an explanatory set must explain (Adtributor's T_EP). */
    public static final double EXPLAINS_MOVE = 0.67;
    /** The least part of the change a segment must explain to join the set (Adtributor's T_EEP). */
    public static final double EXPLAINS_PART = 0.10;
    /** The most segments in an explanatory set (Adtributor keeps explanations succinct). */
    public static final int MAX_SET = 3;

    private SegmentSplit() {
    }

    /** The change of an additive metric, split by segment; numerators are the values. */
    public static DimensionAttribution additive(String metric, String dimension, List<Segment> segments) {
        double p = 0;
        double c = 0;
        boolean nonNegative = true;
        for (Segment s : segments) {
            p += s.priorNumerator();
            c += s.currentNumerator();
            nonNegative &= s.priorNumerator() >= 0 && s.currentNumerator() >= 0;
        }
        double change = c - p;
        List<SegmentContribution> out = new ArrayList<>();
        for (Segment s : segments) {
            double w0 = nonNegative && p > 0 ? s.priorNumerator() / p : 0;
            double w1 = nonNegative && c > 0 ? s.currentNumerator() / c : 0;
            double contribution = s.currentNumerator() - s.priorNumerator();
            out.add(new SegmentContribution(s.label(), OptionalDouble.of(s.priorNumerator()),
                    OptionalDouble.of(s.currentNumerator()), w0, w1, OptionalDouble.empty(), OptionalDouble.empty(),
                    contribution, ep(contribution, change), nonNegative ? Surprise.of(w0, w1) : 0));
        }
        return finish(metric, dimension, DimensionAttribution.Shape.ADDITIVE, p, c, change, 0, 0, out);
    }

    /**
     * The change of a ratio {@code Σ numerators / Σ denominators}, split by segment into rate and
     * mix effects; empty when the total denominator is zero in either window.
     */
    public static Optional<DimensionAttribution> rateMix(String metric, String dimension, List<Segment> segments) {
        double n0 = 0;
        double d0 = 0;
        double n1 = 0;
        double d1 = 0;
        boolean nonNegative = true;
        for (Segment s : segments) {
            n0 += s.priorNumerator();
            d0 += s.priorDenominator();
            n1 += s.currentNumerator();
            d1 += s.currentDenominator();
            nonNegative &= s.priorNumerator() >= 0 && s.priorDenominator() >= 0 && s.currentNumerator() >= 0
                    && s.currentDenominator() >= 0;
        }
        if (d0 == 0 || d1 == 0) {
            return Optional.empty();
        }
        double r0 = n0 / d0;
        double r1 = n1 / d1;
        double mean = (r0 + r1) / 2;
        double rateTotal = 0;
        double mixTotal = 0;
        List<SegmentContribution> out = new ArrayList<>();
        for (Segment s : segments) {
            double w0 = s.priorDenominator() / d0;
            double w1 = s.currentDenominator() / d1;
            boolean rated0 = s.priorDenominator() != 0;
            boolean rated1 = s.currentDenominator() != 0;
            double sr0 = rated0 ? s.priorNumerator() / s.priorDenominator() : 0;
            double sr1 = rated1 ? s.currentNumerator() / s.currentDenominator() : 0;
            double own = s.currentNumerator() / d1 - s.priorNumerator() / d0;     // w1 r1 - w0 r0
            double rate = rated0 && rated1 ? (w0 + w1) / 2 * (sr1 - sr0) : 0;
            double mix = own - rate - (w1 - w0) * mean;
            rateTotal += rate;
            mixTotal += mix;
            double surprise = 0;
            if (nonNegative) {
                surprise = Surprise.of(w0, w1)
                        + (n0 > 0 && n1 > 0 ? Surprise.of(s.priorNumerator() / n0, s.currentNumerator() / n1) : 0);
            }
            out.add(new SegmentContribution(s.label(), rated0 ? OptionalDouble.of(sr0) : OptionalDouble.empty(),
                    rated1 ? OptionalDouble.of(sr1) : OptionalDouble.empty(), w0, w1, OptionalDouble.of(rate),
                    OptionalDouble.of(mix), rate + mix, ep(rate + mix, r1 - r0), surprise));
        }
        return Optional.of(finish(metric, dimension, DimensionAttribution.Shape.RATE_MIX, r0, r1, r1 - r0,
                rateTotal, mixTotal, out));
    }

    private static OptionalDouble ep(double contribution, double change) {
        return change == 0 ? OptionalDouble.empty() : OptionalDouble.of(contribution / change);
    }

    private static DimensionAttribution finish(String metric, String dimension, DimensionAttribution.Shape shape,
                                               double prior, double current, double change, double rate, double mix,
                                               List<SegmentContribution> segments) {
        List<SegmentContribution> ranked = new ArrayList<>(segments);
        double sign = change < 0 ? -1 : 1;
        if (change == 0) {
            ranked.sort(Comparator.comparingDouble((SegmentContribution s) -> -Math.abs(s.contribution()))
                    .thenComparing(SegmentContribution::segment));
        } else {
            ranked.sort(Comparator.comparingDouble((SegmentContribution s) -> -s.contribution() * sign)
                    .thenComparing(SegmentContribution::segment));
        }
        List<SegmentContribution> bySurprise = new ArrayList<>(segments);
        bySurprise.sort(Comparator.comparingDouble((SegmentContribution s) -> -s.surprise())
                .thenComparing(SegmentContribution::segment));
        List<String> set = new ArrayList<>();
        double explained = 0;
        double surprise = 0;
        if (change != 0) {
            for (SegmentContribution s : bySurprise) {
                double e = s.explanatoryPower().orElse(0);
                if (e >= EXPLAINS_PART) {
                    set.add(s.segment());
                    explained += e;
                    surprise += s.surprise();
                }
                if (explained >= EXPLAINS_MOVE || set.size() == MAX_SET) {
                    break;
                }
            }
        }
        return new DimensionAttribution(metric, dimension, shape, prior, current, change, rate, mix, ranked, set,
                surprise, explained >= EXPLAINS_MOVE);
    }
}
