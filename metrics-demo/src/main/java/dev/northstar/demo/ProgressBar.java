package dev.northstar.demo;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar (done, rate, time left) for work that takes longer than a second,
 * drawn on its own daemon thread from a counter the work updates. It draws nothing when output is
 * not a terminal or when asked to be quiet.
 */
final class ProgressBar implements AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final AtomicLong done;
    private final long total;
    private final String unit;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Thread drawer;
    private volatile boolean running = true;
    private boolean drawn;

    ProgressBar(AtomicLong done, long total, String unit, PrintStream out, boolean enabled) {
        this.done = done;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.out = out;
        this.drawer = enabled ? new Thread(this::draw, "progress") : null;
        if (drawer != null) {
            drawer.setDaemon(true);
            drawer.start();
        }
    }

    /** Whether a progress bar makes sense: a terminal, and not quiet. */
    static boolean wanted(boolean quiet) {
        return !quiet && System.console() != null;
    }

    private void draw() {
        try {
            Thread.sleep(DELAY_NANOS / 1_000_000);
            while (running) {
                line();
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void line() {
        long n = done.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = n / Math.max(1e-9, seconds);
        double share = Math.min(1, (double) n / total);
        int filled = (int) (share * WIDTH);
        long left = rate > 0 ? (long) ((total - Math.min(n, total)) / rate) : 0;
        out.printf("\r[%s%s] %3.0f%%  %,d %s  %,.0f/s  %ds left   ", "#".repeat(filled), ".".repeat(WIDTH - filled),
                share * 100, n, unit, rate, left);
        out.flush();
        drawn = true;
    }

    @Override public void close() {
        running = false;
        if (drawer != null) {
            drawer.interrupt();
            try {
                drawer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                if (drawn) {
                    out.print("\r" + " ".repeat(100) + "\r");
                    out.flush();
                }
            }
        }
    }
}
