package dev.northstar.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void aLiveOwnerKeepsItsStripeAnotherThreadOfTheSameHomeSharesAndADeadOwnersStripeIsReleased()
            throws Exception {
        CountDownLatch ownerMayEnd = new CountDownLatch(1);
        CountDownLatch owning = new CountDownLatch(1);
        AtomicInteger ownerStripe = new AtomicInteger(-1);
        Thread owner = threadOnFreeHome(() -> {
            ownerStripe.set(Stripes.writable());
            owning.countDown();
            awaitQuietly(ownerMayEnd);
        });
        owner.start();
        owning.await();
        int home = Stripes.of(owner.getId());
        assertThat(ownerStripe.get()).as("a home stripe with no live owner is claimed").isEqualTo(home);
        assertThat(Stripes.owner(home)).isSameAs(owner);

        AtomicInteger sharerStripe = new AtomicInteger(-1);
        Thread sharer = threadWithHomeOf(owner, () -> sharerStripe.set(Stripes.writable()));
        sharer.start();
        sharer.join();
        assertThat(sharerStripe.get()).as("same home, owner alive: the shared stripe").isEqualTo(Stripes.COUNT + home);

        Stripes.releaseDeadOwners();
        assertThat(Stripes.owner(home)).as("a live owner is never released").isSameAs(owner);
        ownerMayEnd.countDown();
        owner.join();
        Stripes.releaseDeadOwners();
        assertThat(Stripes.owner(home)).as("a terminated owner is").isNotSameAs(owner);

        AtomicInteger nextStripe = new AtomicInteger(-1);
        Thread next = threadWithHomeOf(owner, () -> nextStripe.set(Stripes.writable()));
        next.start();
        next.join();
        assertThat(nextStripe.get()).as("the next thread of that home owns it").isEqualTo(home);
    }

    /**
     * A new, unstarted thread whose home stripe has no live owner (the test runner's own thread
     * owns one, and earlier tests' threads may not have been released yet).
     */
    static Thread threadOnFreeHome(Runnable body) {
        Stripes.releaseDeadOwners();
        while (true) {
            Thread t = new Thread(body);
            if (Stripes.owner(Stripes.of(t.getId())) == null) {
                return t;
            }
        }
    }

    /** A new, unstarted thread whose home stripe is that of {@code other}. */
    static Thread threadWithHomeOf(Thread other, Runnable body) {
        while (true) {
            Thread t = new Thread(body);
            if (Stripes.of(t.getId()) == Stripes.of(other.getId())) {
                return t;
            }
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
