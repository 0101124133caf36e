package dev.northstar.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SeriesIndexTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void usesTheKeyAsTheSlotWhenEveryCombinationFitsTheLimit() {
        SeriesIndex index = new SeriesIndex(new int[] {4, 3}, 12);

        assertThat(index.capacity()).isEqualTo(12);
        assertThat(index.overflowSlot()).isEqualTo(-1);
        assertThat(index.slot(7)).isEqualTo(7);
        assertThat(index.codes(7)).containsExactly(2, 1);
        assertThat(index.handedOut(11)).isTrue();
        assertThat(index.handedOut(12)).isFalse();
        assertThat(index.handedOut(-1)).isFalse();
    }

    @Test
    void handsOutSlotsInOrderOfFirstSightPastTheLimitTheOverflowSlot() {
        SeriesIndex index = new SeriesIndex(new int[] {100, 100}, 2);

        assertThat(index.slot(4_321)).isZero();
        assertThat(index.slot(17)).isEqualTo(1);
        assertThat(index.slot(4_321)).isZero();
        assertThat(index.slot(99)).isEqualTo(2);
        assertThat(index.slot(98)).isEqualTo(2);

        assertThat(index.overflowSlot()).isEqualTo(2);
        assertThat(index.capacity()).isEqualTo(3);
        assertThat(index.codes(0)).containsExactly(43, 21);
        assertThat(index.codes(2)).isNull();
        assertThat(index.folded()).isEqualTo(2);
        assertThat(index.seriesCount()).isEqualTo(3);
    }

    @Test
    void handsOutOnlyAssignedSlotsAndTheOverflowSlot() {
        SeriesIndex index = new SeriesIndex(new int[] {100, 100}, 10);
        index.slot(5);

        assertThat(index.handedOut(0)).isTrue();
        assertThat(index.handedOut(1)).isFalse();
        assertThat(index.handedOut(10)).isTrue();
        assertThat(index.handedOut(11)).isFalse();
    }

    private static final int ROUNDS = 50_000;
    private static final long RACE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int LIMIT = 8;
    private static final int KEYS = 16;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void resolvesEachKeyToOneSlotWhenTwoWritersRaceAtTheLimit() throws Exception {
        // Round after round, two writers (as many as the smallest CI machine has cores) resolve
        // the same keys in the same order on a fresh index, released together by a spinning
        // barrier, so they meet at first sight of every key and when the limit is reached. Every
        // slot a writer gets must already count as handed out, or a metric would refuse it.
        SeriesIndex[] indexes = new SeriesIndex[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            indexes[r] = new SeriesIndex(new int[] {1_000, 1_000}, LIMIT);
        }
        int[][][] seen = new int[2][ROUNDS][KEYS];
        AtomicIntegerArray reached = new AtomicIntegerArray(2);   // rounds each writer has started
        AtomicIntegerArray finished = new AtomicIntegerArray(2);
        AtomicInteger notHandedOut = new AtomicInteger();
        long deadline = System.nanoTime() + RACE_NANOS;
        List<Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int me = w;
            int other = 1 - w;
            writers.add(pool.submit(() -> {
                int r = 0;
                try {
                    for (; r < ROUNDS && System.nanoTime() < deadline; r++) {
                        reached.set(me, r + 1);
                        while (reached.get(other) < r + 1 && finished.get(other) == 0) {
                            Thread.onSpinWait();
                        }
                        if (finished.get(other) == 1) {
                            break;
                        }
                        for (int k = 0; k < KEYS; k++) {
                            int slot = indexes[r].slot(k * 7_919L);
                            seen[me][r][k] = slot;
                            if (!indexes[r].handedOut(slot)) {
                                notHandedOut.incrementAndGet(); // a metric would refuse this series
                            }
                        }
                    }
                } finally {
                    finished.set(me, 1);
                }
                return r;
            }));
        }
        int rounds = Math.min(writers.get(0).get(50, TimeUnit.SECONDS), writers.get(1).get(50, TimeUnit.SECONDS));

        List<String> inconsistent = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < KEYS; k++) {
                int after = indexes[r].slot(k * 7_919L);
                for (int w = 0; w < 2; w++) {
                    if (seen[w][r][k] != after && inconsistent.size() < 10) {
                        inconsistent.add("round " + r + " key " + k + ": writer " + w + " got " + seen[w][r][k]
                                + ", later " + after);
                    }
                }
            }
        }
        assertThat(inconsistent).isEmpty();
        assertThat(notHandedOut.get()).as("slots resolved before they counted as handed out").isZero();
        assertThat(rounds).isPositive();
        for (int r = 0; r < rounds; r++) {
            int[] slots = Arrays.stream(seen[0][r]).filter(s -> s != LIMIT).sorted().toArray();
            assertThat(slots).as("round %d", r).doesNotHaveDuplicates().hasSize(LIMIT);
        }
    }
}
