package dev.northstar.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.registry.RefusalReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Readers list the store's pages under its lock and copy them after releasing it. This shows,
 * step by step, the one interleaving that needs the compaction check: a compaction between the
 * listing and the copy counts the compacted hour twice, and {@link Store.Pages#compactedSince}
 * says so.
 */
class StoreReadTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final Instant START = Instant.parse("2026-11-18T00:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final Store store = new Store(new TimeGrid(ZoneOffset.UTC, Duration.ofHours(1)), clock, new Refusals() {
        @Override public void refuse(RefusalReason reason, String metric) {
            throw new AssertionError(reason + " " + metric);
        }

        @Override public void late() {
        }
    }, 1, 2, 30, Duration.ofMinutes(5).toMillis());

    StoreReadTest() {
        store.register(0, () -> new LongCells(1, 1), 1);
    }

    /** {@code 2^hours} events at the clock's now, {@code hours} after the start: each hour's share is telling. */
    private void recordAt(int hours) {
        clock.set(START.plusMillis(hours * HOUR));
        ((LongCells) store.now().cells(0, () -> new LongCells(1, 1))).add(0, 0, 1L << hours);
    }

    private static long total(Store.Pages pages) {
        long sum = 0;
        for (Page p : pages.list()) {
            Cells c = p.cellsIfPresent(0);
            sum += c == null ? 0 : ((LongCells) c).sum(0, 0);
        }
        return sum;
    }

    @Test
    void aCompactionBetweenListingAndCopyingIsReportedSoTheReaderListsAgain() {
        for (int h = 0; h < 6; h++) {
            recordAt(h); // hour 1 is retiring by now, the hours before it are in their day
        }
        Store.Pages listed = store.pages(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(total(listed)).isEqualTo(0b111111);
        assertThat(listed.compactedSince()).isFalse();

        recordAt(6); // opening hour 6 retires hour 2 and compacts hour 1 into its day

        assertThat(listed.compactedSince()).isTrue();
        assertThat(total(listed)).as("hour 1 both on its own and inside its day").isEqualTo(0b111111 + 0b10);
        Store.Pages again = store.pages(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(again.compactedSince()).isFalse();
        assertThat(total(again)).isEqualTo(0b1111111);
    }

    @Test
    void openingAnHourWithoutCompactingKeepsAListingValid() {
        recordAt(0);
        Store.Pages listed = store.pages(Long.MIN_VALUE, Long.MAX_VALUE);

        recordAt(1); // a new page in the ring: nothing moves into a day

        assertThat(listed.compactedSince()).isFalse();
        assertThat(total(listed)).isEqualTo(0b1);
    }
}
