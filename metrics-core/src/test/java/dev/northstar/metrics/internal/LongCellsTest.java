package dev.northstar.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LongCellsTest {
    private static final int ADDS = 200_000;

    @Test
    void threadsOnOwnedAndSharedStripesTogetherAddUpExactlyAndARatioNeverReadsAboveOne() throws Exception {
        // three writers per home stripe, all alive at once: at most one per home owns it, so the
        // shared stripes are written too, and owned and shared writes meet in the same slot
        int writers = 3 * Stripes.COUNT;
        Stripes.releaseDeadOwners(); // earlier tests' terminated threads
        LongCells cells = new LongCells(2, 4);
        CyclicBarrier start = new CyclicBarrier(writers + 2); // the writers, the reader and this thread
        AtomicInteger owned = new AtomicInteger();
        AtomicInteger shared = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> impossible = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(new Thread(() -> {
                await(start);
                (Stripes.writable() < Stripes.COUNT ? owned : shared).incrementAndGet();
                for (int i = 0; i < ADDS; i++) {
                    assertThat(cells.addRatio(2, 3, 3)).isTrue();
                }
            }));
        }
        Thread reader = new Thread(() -> {
            await(start);
            while (!done.get()) {
                long numerator = cells.sum(0, 2);
                long denominator = cells.sum(1, 2);
                if (numerator > denominator) {
                    impossible.compareAndSet(null, numerator + " > " + denominator);
                }
            }
        });
        threads.forEach(Thread::start);
        reader.start();
        await(start);
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        reader.join();

        assertThat(impossible.get()).as("a read with the numerator above the denominator").isNull();
        assertThat(owned.get()).as("writers that owned their stripe").isBetween(1, Stripes.COUNT);
        assertThat(shared.get()).as("writers that shared one").isGreaterThanOrEqualTo(writers - Stripes.COUNT);
        assertThat(cells.sum(0, 2)).isEqualTo(3L * ADDS * writers);
        assertThat(cells.sum(1, 2)).isEqualTo(3L * ADDS * writers);
        assertThat(cells.sum(0, 1)).isZero();
        assertThat(cells.sum(0, 3)).isZero();
    }

    @Test
    void anAddThatWouldOverflowItsStripeIsRefusedAndChangesNothingOnAnOwnedAndOnASharedStripe()
            throws Exception {
        LongCells cells = new LongCells(1, 1);
        CountDownLatch ownerMayEnd = new CountDownLatch(1);
        CountDownLatch ownerDone = new CountDownLatch(1);
        AtomicReference<Object> owned = new AtomicReference<>();
        Thread owner = StripesTest.threadOnFreeHome(() -> {
            boolean isOwner = Stripes.writable() < Stripes.COUNT;
            boolean first = cells.add(0, 0, Long.MAX_VALUE - 1);
            boolean over = cells.add(0, 0, 2);
            long afterRefusal = cells.sum(0, 0);
            boolean last = cells.add(0, 0, 1);
            owned.set(List.of(isOwner, first, over, afterRefusal, last, cells.sum(0, 0)));
            ownerDone.countDown();
            StripesTest.awaitQuietly(ownerMayEnd);
        });
        owner.start();
        ownerDone.await();
        assertThat(owned.get()).isEqualTo(List.of(true, true, false, Long.MAX_VALUE - 1, true, Long.MAX_VALUE));

        LongCells other = new LongCells(1, 1);
        AtomicReference<Object> shared = new AtomicReference<>();
        Thread sharer = StripesTest.threadWithHomeOf(owner, () -> {
            boolean isSharer = Stripes.writable() >= Stripes.COUNT;
            boolean first = other.add(0, 0, Long.MAX_VALUE);
            shared.set(List.of(isSharer, first, other.add(0, 0, 1), other.sum(0, 0)));
        });
        sharer.start(); // while the owner is alive: same home, so the shared stripe
        sharer.join();
        ownerMayEnd.countDown();
        owner.join();
        assertThat(shared.get()).isEqualTo(List.of(true, true, false, Long.MAX_VALUE));
    }

    @Test
    void theNextOwnerOfAReleasedStripeAddsOnToWhatTheTerminatedOwnerWrote() throws Exception {
        LongCells cells = new LongCells(1, 1);
        Thread first = StripesTest.threadOnFreeHome(() -> cells.add(0, 0, 5));
        first.start();
        first.join();
        Stripes.releaseDeadOwners();
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread next = StripesTest.threadWithHomeOf(first, () -> {
            boolean owns = Stripes.writable() < Stripes.COUNT;
            cells.add(0, 0, 1);
            seen.set(List.of(owns, cells.sum(0, 0)));
        });
        next.start();
        next.join();
        assertThat(seen.get()).isEqualTo(List.of(true, 6L));
    }

    @Test
    void aRatioWhoseNumeratorWouldOverflowKeepsItsDenominatorAndOneWhoseDenominatorWouldKeepsNothing() {
        // on whichever stripe the test thread writes: the outcome is the same on both kinds
        LongCells cells = new LongCells(2, 1);
        assertThat(cells.addRatio(0, Long.MAX_VALUE, 1)).isTrue();
        assertThat(cells.addRatio(0, 1, 1)).isFalse();
        assertThat(List.of(cells.sum(0, 0), cells.sum(1, 0))).isEqualTo(List.of(Long.MAX_VALUE, 2L));
        assertThat(cells.addRatio(0, 0, Long.MAX_VALUE)).isFalse();
        assertThat(List.of(cells.sum(0, 0), cells.sum(1, 0))).isEqualTo(List.of(Long.MAX_VALUE, 2L));
        assertThat(cells.addRatio(0, 0, 5)).as("a failed attempt adds to the denominator only").isTrue();
        assertThat(cells.sum(1, 0)).isEqualTo(7);
        LongCells untouched = new LongCells(2, 1);
        assertThat(untouched.addRatio(0, 0, 0)).isTrue();
        assertThat(untouched.touched(0)).isFalse();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
