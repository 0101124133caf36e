package dev.northstar.metrics.dimension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The lock-free value table behind {@link OpenDimension}: lookups, growth, collisions, races. */
class CodeTableTest {

    @Test
    void findsEveryValueItHoldsAcrossGrowthAndNothingElse() {
        CodeTable table = new CodeTable();
        for (int i = 0; i < 10_000; i++) {
            table.put("acct-" + i, i);
        }
        for (int i = 0; i < 10_000; i++) {
            // a distinct instance of the same characters, as a host's request would carry
            String value = new String("acct-" + i);
            assertThat(table.get(value)).isEqualTo(i);
            assertThat(table.peek(value)).isEqualTo(i);
        }
        for (String absent : new String[] {"acct-10000", "", "acct-"}) {
            assertThat(table.get(absent)).isEqualTo(CodeTable.ABSENT);
            assertThat(table.peek(absent)).isEqualTo(CodeTable.ABSENT);
        }
    }

    /**
     * Past 65,536 entries too, every entry can start a probe: when the start was taken from
     * bits 16 to 31 of the hash's product alone, values past the first 32,768 piled into one run
     * (100,000 values: about 19 µs per lookup; 300,000: 37 s to insert them).
     */
    @Test
    void spreadsValuesOverTablesOfAnySize() {
        CodeTable table = new CodeTable();
        int values = 100_000;
        for (int i = 0; i < values; i++) {
            table.put("acct-" + i, i);
        }
        int longest = 0;
        for (int i = 0; i < values; i++) {
            longest = Math.max(longest, table.probes("acct-" + i));
        }
        assertThat(longest).as("longest probe over %d values", values).isLessThan(100);
        assertThat(table.get("acct-99999")).isEqualTo(99_999);
    }

    @Test
    void tellsApartValuesWithTheSameHash() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        CodeTable table = new CodeTable();
        table.put("Aa", 0);
        assertThat(table.get("BB")).isEqualTo(CodeTable.ABSENT);
        assertThat(table.peek("BB")).isEqualTo(CodeTable.ABSENT);
        table.put("BB", 1);
        assertThat(table.get("Aa")).isEqualTo(0);
        assertThat(table.get("BB")).isEqualTo(1);
        assertThat(table.peek("Aa")).isEqualTo(0);
        assertThat(table.peek("BB")).isEqualTo(1);
        assertThat(table.get("AaAa")).isEqualTo(CodeTable.ABSENT);
    }

    /** Multipliers coprime with 5,000: each walks every value once per round, in its own order. */
    private static final int[] STEPS = {1, 3, 7, 9};

    /**
     * Four threads resolve the same 5,000 values at once, each in its own order, while the
     * dimension assigns codes and its table grows ten times: every value gets one code, every
     * thread sees that code, and the codes are exactly 0 .. 4,999.
     */
    @Test
    void concurrentResolversAgreeOnOneDenseCodePerValue() throws InterruptedException {
        int values = 5_000;
        int threads = 4;
        OpenDimension dim = Dimension.open("account", values);
        int[][] seen = new int[threads][values];
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int round = 0; round < 3; round++) {
                        for (int k = 0; k < values; k++) {
                            int v = (k * STEPS[me] + round) % values; // a different order per thread
                            int code = dim.code(new String("acct-" + v));
                            if (round > 0 && code != seen[me][v]) {
                                throw new AssertionError("acct-" + v + " changed code");
                            }
                            seen[me][v] = code;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            w.start();
            workers.add(w);
        }
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertThat(failure.get()).isNull();
        Set<Integer> codes = new HashSet<>();
        for (int v = 0; v < values; v++) {
            for (int t = 1; t < threads; t++) {
                assertThat(seen[t][v]).as("acct-%d in thread %d", v, t).isEqualTo(seen[0][v]);
            }
            codes.add(seen[0][v]);
        }
        assertThat(codes).hasSize(values).allMatch(c -> c >= 0 && c < values);
        assertThat(dim.folded()).isZero();
        assertThat(dim.assignedCount()).isEqualTo(values);
    }
}
