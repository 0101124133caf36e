package dev.northstar.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.snapshot.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.LongStream;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.SetOperation;
import org.junit.jupiter.api.Test;

/**
 * The sketch cells' lock-free shortcut (a record whose key the cell already covers takes no lock)
 * must leave every result exactly as the sketches alone would have made it.
 */
class SketchCellsTest {
    private static final int LG_K = 12;
    private static final int[] SIZES = {1, 100, 1_000, 10_000, 300_000};

    /** A day's ids: a population of {@code n / 2} ids drawn {@code n} times, so ids repeat. */
    private static long[] stream(int n, long seed) {
        return new SplittableRandom(seed).longs(n, 0, Math.max(1, n / 2)).toArray();
    }

    private static HllSketch hll(Cell cell) {
        return ((Cell.Hll) cell).sketch();
    }

    @Test
    void anHllCellHoldsExactlyWhatAPlainUnionOfTheSameIdsHolds() {
        for (int n : SIZES) {
            HllCells cells = new HllCells(4, LG_K);
            Union plain = new Union(LG_K);
            for (long id : stream(n, n)) {
                cells.add(2, id);
                plain.update(id);
            }
            Union expected = new Union(LG_K); // read() merges stripe copies the same way
            expected.update(plain.getResult(TgtHllType.HLL_8));

            assertThat(hll(cells.read(2)).toCompactByteArray()).as("n=%d", n)
                    .isEqualTo(expected.getResult(TgtHllType.HLL_8).toCompactByteArray());
        }
    }

    @Test
    void onceInHllModeARepeatedIdIsCoveredWithoutTheLock() {
        HllCells cells = new HllCells(4, LG_K);
        long[] ids = LongStream.range(0, 100_000).toArray();
        for (long id : ids) {
            cells.add(1, id);
        }
        long covered = LongStream.of(ids).filter(id -> cells.covered(1, SketchHash.hllKey(id))).count();

        assertThat(covered).isGreaterThan(95_000); // all but those learnt before the floors existed
        assertThat(cells.covered(0, SketchHash.hllKey(ids[0]))).as("another series").isFalse();
    }

    @Test
    void beforeHllModeNothingIsCoveredSoSmallCountsStayExact() {
        HllCells cells = new HllCells(4, LG_K);
        for (long id = 0; id < 200; id++) {
            cells.add(0, id);
        }

        for (long id = 0; id < 200; id++) {
            assertThat(cells.covered(0, SketchHash.hllKey(id))).isFalse();
        }
        assertThat(hll(cells.read(0)).getEstimate()).isCloseTo(200, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void twoWritersOnOneHllCellEndWithTheRegistersOfAllTheirIds() throws Exception {
        HllCells cells = new HllCells(1, LG_K);
        long[][] parts = {stream(400_000, 1), stream(400_000, 2)};
        CyclicBarrier start = new CyclicBarrier(parts.length);
        List<Thread> threads = new ArrayList<>();
        for (long[] part : parts) {
            Thread t = new Thread(() -> {
                await(start);
                for (long id : part) {
                    cells.add(0, id);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        Union all = new Union(LG_K);
        for (long[] part : parts) {
            for (long id : part) {
                all.update(id);
            }
        }

        // The composite estimate is a function of the registers alone.
        assertThat(hll(cells.read(0)).getCompositeEstimate())
                .isEqualTo(all.getResult(TgtHllType.HLL_8).getCompositeEstimate());
    }

    @Test
    void aThetaCellHoldsExactlyWhatAPlainUnionOfTheSameIdsHolds() {
        for (int n : SIZES) {
            ThetaCells cells = new ThetaCells(4, 2, LG_K);
            org.apache.datasketches.theta.Union plain = SetOperation.builder().setNominalEntries(1 << LG_K)
                    .buildUnion();
            for (long id : stream(n, n)) {
                cells.add(3, 1, id);
                plain.update(id);
            }
            org.apache.datasketches.theta.Union expected = SetOperation.builder().setNominalEntries(1 << LG_K)
                    .buildUnion();
            expected.union(plain.getResult());
            List<CompactSketch> columns = ((Cell.Theta) cells.read(3)).columns();

            assertThat(columns.get(1).toByteArray()).as("n=%d", n).isEqualTo(expected.getResult().toByteArray());
            assertThat(columns.get(0).isEmpty()).isTrue();
        }
    }

    @Test
    void aThetaCellsBoundIsKeptPerSlotAndColumn() {
        ThetaCells cells = new ThetaCells(4, 2, LG_K);
        for (long id = 0; id < 100_000; id++) {
            cells.add(3, 1, id);
        }
        long covered = LongStream.range(100_000, 110_000)
                .filter(id -> cells.covered(3 * 2 + 1, SketchHash.thetaKey(id))).count();
        assertThat(covered).as("slot 3, column 1").isGreaterThan(9_000);
        assertThat(cells.covered(3 * 2, SketchHash.thetaKey(100_000))).as("slot 3, column 0").isFalse();
        assertThat(cells.covered(2 * 2 + 1, SketchHash.thetaKey(100_000))).as("slot 2, column 1").isFalse();
    }

    @Test
    void aThetaRecordIsCheckedAgainstItsOwnCellsBoundOnly() {
        ThetaCells cells = new ThetaCells(4, 2, LG_K);
        for (long id = 0; id < 100_000; id++) {
            cells.add(1, 0, id); // a low theta in slot 1, column 0; every other cell stays exact
        }
        for (int slot = 0; slot < 4; slot++) {
            for (int column = 0; column < 2; column++) {
                if (slot != 1 || column != 0) {
                    for (long id = 0; id < 1_000; id++) {
                        cells.add(slot, column, id);
                    }
                }
            }
        }
        for (int slot = 0; slot < 4; slot++) {
            for (int column = 0; column < 2; column++) {
                if (slot != 1 || column != 0) {
                    assertThat(((Cell.Theta) cells.read(slot)).columns().get(column).getEstimate())
                            .as("slot %d, column %d", slot, column).isEqualTo(1_000);
                }
            }
        }
    }

    @Test
    void aThetaCellCoversOnlyKeysItsResultWouldRejectAndMostNewOnes() {
        ThetaCells cells = new ThetaCells(2, 1, LG_K);
        for (long id = 0; id < 100_000; id++) {
            cells.add(0, 0, id);
        }
        long theta = ((Cell.Theta) cells.read(0)).columns().get(0).getThetaLong();

        int covered = 0;
        for (long id = 100_000; id < 200_000; id++) {
            long key = SketchHash.thetaKey(id);
            if (cells.covered(0, key)) {
                assertThat(key).isGreaterThanOrEqualTo(theta);
                covered++;
            }
        }
        assertThat(covered).isGreaterThan(90_000); // theta is near 2K / 100,000 of the hash range
        assertThat(cells.covered(1, SketchHash.thetaKey(5))).as("another series").isFalse();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
