package dev.northstar.metrics.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedTest {

    @Test
    void drawsEachIndexInProportionToItsWeight() {
        Weighted w = new Weighted(new double[] {1, 0, 3});
        SplittableRandom random = new SplittableRandom(1);
        int[] seen = new int[3];
        for (int i = 0; i < 100_000; i++) {
            seen[w.sample(random)]++;
        }
        assertThat(seen[1]).isZero();
        assertThat(seen[0] / 100_000.0).isCloseTo(0.25, within(0.01));
        assertThat(seen[2] / 100_000.0).isCloseTo(0.75, within(0.01));
        assertThat(w.total()).isEqualTo(4);
        assertThat(w.weight(2)).isCloseTo(3, within(1e-12));
    }

    @Test
    void refusesWeightsThatCannotBeSampled() {
        assertThatThrownBy(() -> new Weighted(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weighted(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weighted(new double[] {1, -1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weighted(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zipfFavoursLowRanks() {
        Zipf z = new Zipf(1_000, 1.0);
        SplittableRandom random = new SplittableRandom(2);
        int first = 0;
        int last = 0;
        for (int i = 0; i < 100_000; i++) {
            long id = z.sample(random);
            assertThat(id).isBetween(0L, 999L);
            first += id == 0 ? 1 : 0;
            last += id == 999 ? 1 : 0;
        }
        assertThat(first).isGreaterThan(100 * Math.max(1, last));
    }
}
