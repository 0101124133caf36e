package dev.northstar.metrics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.theta.SetOperation;
import org.apache.datasketches.theta.UpdateSketch;
import org.junit.jupiter.api.Test;

/** Cells compare by the state they hold, which is what a decoded snapshot must reproduce. */
class CellEqualityTest {

    static HllSketch hllOf(long from, long to) {
        Union union = new Union(12);
        for (long id = from; id < to; id++) {
            union.update(id);
        }
        return union.getResult(TgtHllType.HLL_8);
    }

    @Test
    void hllCellsHoldingTheSameIdsAreEqualWhateverOrderTheCouponsAreListedIn() {
        HllSketch sketch = hllOf(0, 100); // set mode: coupons in hash-table order
        HllSketch rebuilt = HllSketch.heapify(sketch.toCompactByteArray());
        assertThat(Arrays.equals(rebuilt.toCompactByteArray(), sketch.toCompactByteArray()))
                .as("heapify lists the coupons in another order").isFalse();

        assertThat(new Cell.Hll(rebuilt)).isEqualTo(new Cell.Hll(sketch))
                .hasSameHashCodeAs(new Cell.Hll(sketch));
    }

    @Test
    void hllCellsHoldingDifferentIdsAreNotEqual() {
        assertThat(new Cell.Hll(hllOf(0, 100))).isNotEqualTo(new Cell.Hll(hllOf(1, 101)));
        assertThat(new Cell.Hll(hllOf(0, 5))).isNotEqualTo(new Cell.Hll(hllOf(0, 6)));
        assertThat(new Cell.Hll(hllOf(0, 5000))).isNotEqualTo(new Cell.Hll(hllOf(1, 5001)));
    }

    @Test
    void thetaCellsOfDifferentNominalSizesAreNotEqual() {
        UpdateSketch s = UpdateSketch.builder().setNominalEntries(256).build();
        s.update(42L);
        var union = SetOperation.builder().setNominalEntries(256).buildUnion();
        union.union(s);

        assertThat(new Cell.Theta(List.of(union.getResult()), 8)).isEqualTo(new Cell.Theta(List.of(s.compact()), 8))
                .isNotEqualTo(new Cell.Theta(List.of(s.compact()), 9));
    }
}
