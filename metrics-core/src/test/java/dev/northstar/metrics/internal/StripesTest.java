package dev.northstar.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class StripesTest {

    @Test
    void everyThreadIdHasAHomeStripeInRangeAndEveryStripeIsSomeonesHome() {
        BitSet homes = new BitSet();
        for (long id = 0; id < 10_000; id++) {
            int s = Stripes.of(id);
            assertThat(s).isBetween(0, Stripes.COUNT - 1);
            homes.set(s);
        }
        assertThat(homes.cardinality()).isEqualTo(Stripes.COUNT);
        assertThat(Stripes.of(Long.MAX_VALUE)).isBetween(0, Stripes.COUNT - 1);
    }

    @Test
    void threadsCreatedOneAfterAnotherNeverShareAStripe() {
        assumeThat(Stripes.COUNT).as("one core: two stripes, and no two threads run at once").isGreaterThanOrEqualTo(4);
        long shared = 0;
        for (long id = 1; id < 1_000_000; id++) {
            shared += Stripes.of(id + 1) == Stripes.of(id) ? 1 : 0;
        }
        assertThat(shared).isZero();
    }
}
