package dev.northstar.metrics.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticalSignificanceTest {

    @Test
    void theTwoProportionTestMatchesTheTextbookStatistic() {
        // p1 = 0.60 (n 200), p0 = 0.50 (n 200): pooled 0.55, se = sqrt(.55*.45*(2/200)) = 0.049749
        Significance s = Significance.twoProportion(120, 200, 100, 200, 0.05);

        assertThat(s.statistic()).hasValueCloseTo(2.0101, within(1e-4));
        assertThat(s.pValue()).hasValueCloseTo(0.0444, within(1e-4));
        assertThat(s.significant()).isTrue();
    }

    @Test
    void thePoissonTestComparesRatesOverWindowsOfAnyLength() {
        assertThat(Significance.poisson(1_100, 7, 1_000, 7, 0.05).significant()).isTrue();
        assertThat(Significance.poisson(1_030, 7, 1_000, 7, 0.05).significant()).isFalse();
        // a month of 31 days against one of 30 at the same daily rate is no change
        assertThat(Significance.poisson(3_100, 31, 3_000, 30, 0.05).pValue()).hasValueCloseTo(1.0, within(1e-9));
    }

    @Test
    void smallCountsUseTheExactBinomialTest() {
        Significance s = Significance.poisson(9, 1, 1, 1, 0.05);

        assertThat(s.statistic()).isEmpty();
        assertThat(s.pValue()).hasValueCloseTo(22.0 / 1024, within(1e-9));   // 2 × P(X >= 9 | n 10, p ½)
        assertThat(s.significant()).isTrue();
    }

    @Test
    void thePerPeriodTestNeedsTwoPeriodsInEachWindow() {
        assertThat(Significance.perPeriod(new double[] {1}, new double[] {1, 2}, 0.05).test())
                .isEqualTo(SignificanceTest.NONE);
        Significance s = Significance.perPeriod(new double[] {10, 11, 12}, new double[] {1, 2, 3}, 0.05);
        assertThat(s.statistic()).hasValueCloseTo(9 / Math.sqrt(2.0 / 3), within(1e-9));
        assertThat(s.significant()).isTrue();
    }

    @Test
    void sketchEstimatesWithinEachOthersErrorAreNotSignificant() {
        assertThat(Significance.sketch(1020, 960, 1080, 1000, 940, 1060, 0.05).significant()).isFalse();
        assertThat(Significance.sketch(1300, 1240, 1360, 1000, 940, 1060, 0.05).significant()).isTrue();
    }

    @Test
    void badCountsGiveNoTestRatherThanAnException() {
        assertThat(Significance.twoProportion(5, 4, 1, 2, 0.05).test())
                .isEqualTo(SignificanceTest.NONE);
        assertThat(Significance.poisson(-1, 1, 1, 1, 0.05).significant()).isFalse();
        assertThat(Significance.sketch(Double.NaN, 0, 0, 1, 1, 1, 0.05).pValue()).isEmpty();
    }
}
