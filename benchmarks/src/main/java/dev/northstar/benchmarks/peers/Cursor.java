package dev.northstar.benchmarks.peers;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A thread's position in the shared workload. Each invocation takes the next
 * {@link PaymentWorkload#BATCH} events, wrapping around; threads start half the workload apart so
 * two threads do not record the same event at the same moment (they still share hot series, as
 * two request threads of one service do).
 */
@State(Scope.Thread)
public class Cursor {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private int position = (THREADS.getAndIncrement() * (PaymentWorkload.SIZE / 2 + PaymentWorkload.BATCH * 7))
            & (PaymentWorkload.SIZE - 1) & -PaymentWorkload.BATCH;

    /** Index of the first event of the next batch. */
    public int next() {
        int p = position;
        position = (p + PaymentWorkload.BATCH) & (PaymentWorkload.SIZE - 1);
        return p;
    }
}
