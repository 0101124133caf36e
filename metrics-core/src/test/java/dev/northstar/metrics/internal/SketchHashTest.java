package dev.northstar.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.datasketches.hash.MurmurHash3;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.theta.SetOperation;
import org.junit.jupiter.api.Test;

class SketchHashTest {
    private static final long[] EDGES = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 9001, 0x8000_0000L};

    private static LongStream ids() {
        return LongStream.concat(LongStream.of(EDGES), new SplittableRandom(5).longs(200_000));
    }

    @Test
    void findsTheSketchesPackagePrivateUpdatesSoRecordingTakesTheAllocationFreePath() {
        assertThat(SketchHash.direct()).isTrue();
    }

    @Test
    void hashesAnIdExactlyAsDataSketchesMurmurHash3Does() {
        ids().forEach(id -> {
            long[] expected = MurmurHash3.hash(new long[] {id}, SketchHash.SEED);
            assertThat(SketchHash.thetaHash(id)).isEqualTo(expected[0] >>> 1);
            int address = (int) (expected[0] & ((1 << 26) - 1));
            int value = Math.min(Long.numberOfLeadingZeros(expected[1]), 62) + 1;
            assertThat(SketchHash.coupon(id)).isEqualTo(value << 26 | address);
        });
    }

    @Test
    void anHllUnionFedDirectlyIsByteForByteTheUnionFedThroughItsPublicUpdate() {
        for (int n : new int[] {1, 10, 1_000, 200_000}) {
            Union viaPublic = new Union(12);
            Union direct = new Union(12);
            ids().limit(n).forEach(id -> {
                viaPublic.update(id);
                SketchHash.hllUpdate(direct, SketchHash.hllKey(id));
            });
            assertThat(direct.getResult(TgtHllType.HLL_8).toCompactByteArray())
                    .isEqualTo(viaPublic.getResult(TgtHllType.HLL_8).toCompactByteArray());
            assertThat(direct.getEstimate()).isEqualTo(viaPublic.getEstimate());
        }
    }

    @Test
    void aThetaUnionFedDirectlyIsByteForByteTheUnionFedThroughItsPublicUpdate() {
        for (int n : new int[] {1, 10, 1_000, 200_000}) {
            org.apache.datasketches.theta.Union viaPublic = SetOperation.builder().setNominalEntries(4096).buildUnion();
            org.apache.datasketches.theta.Union direct = SetOperation.builder().setNominalEntries(4096).buildUnion();
            ids().limit(n).forEach(id -> {
                viaPublic.update(id);
                SketchHash.thetaUpdate(direct, SketchHash.thetaKey(id));
            });
            assertThat(direct.getResult().toByteArray()).isEqualTo(viaPublic.getResult().toByteArray());
        }
    }

    @Test
    void anHllSketchOfTheSameIdsBuiltElsewhereMergesAsOne() {
        HllSketch elsewhere = new HllSketch(12, TgtHllType.HLL_8);
        Union here = new Union(12);
        ids().limit(50_000).forEach(id -> {
            elsewhere.update(id);
            SketchHash.hllUpdate(here, SketchHash.hllKey(id));
        });
        here.update(elsewhere);
        Union twiceElsewhere = new Union(12);
        twiceElsewhere.update(elsewhere);
        twiceElsewhere.update(elsewhere);
        assertThat(here.getResult(TgtHllType.HLL_8).toCompactByteArray())
                .isEqualTo(twiceElsewhere.getResult(TgtHllType.HLL_8).toCompactByteArray());
    }

    @Test
    void tellsWhenAnHllUnionHoldsRegistersRatherThanCoupons() {
        Union union = new Union(12);
        SketchHash.hllUpdate(union, SketchHash.hllKey(1));
        assertThat(SketchHash.hllRegisters(union)).isFalse();
        ids().limit(10_000).forEach(id -> SketchHash.hllUpdate(union, SketchHash.hllKey(id)));
        assertThat(SketchHash.hllRegisters(union)).isTrue();
    }

    @Test
    void aThetaUnionsBoundIsItsOwnSketchsThetaNeverBelowItsResults() {
        org.apache.datasketches.theta.Union union = SetOperation.builder().setNominalEntries(4096).buildUnion();
        assertThat(SketchHash.thetaBound(union)).isEqualTo(Long.MAX_VALUE);
        ids().limit(50_000).forEach(id -> SketchHash.thetaUpdate(union, SketchHash.thetaKey(id)));
        // The union's own sketch holds up to 2K hashes; its result keeps the K smallest.
        assertThat(SketchHash.thetaBound(union)).isLessThan(Long.MAX_VALUE)
                .isGreaterThanOrEqualTo(union.getResult().getThetaLong());
    }
}
