package dev.northstar.metrics.report;

import dev.northstar.metrics.scorecard.GuardrailState;
import dev.northstar.metrics.scorecard.NodeScore;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.scorecard.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a scorecard on a schedule, from its own daemon thread: a one-line summary at INFO and one
 * line per guardrail breach at WARN.
 *
 * <pre>{@code
 * Slf4jReporter reporter = Slf4jReporter.builder(
 *                 () -> Scorecard.evaluate(tree, registry, Window.trailingDays(7, LocalDate.now(zone))))
 *         .period(Duration.ofMinutes(1))
 *         .logger(LoggerFactory.getLogger("northstar"))
 *         .build();
 * reporter.start();
 * ...
 * reporter.stop();   // the thread has ended when this returns
 * }</pre>
 *
 * <p>The first report is made one period after {@link #start()}. The summary reads
 * {@code scorecard tpv over 2026-W47 vs 2026-W46: tpv=1200000 (+5.00%) ON_TRACK; 8 nodes: 5 on track,
 * 1 at risk, 1 breached, 1 unset}; each breached guardrail logs
 * {@code guardrail fraud_rate BREACHED: observed 0.0213, limit AT_MOST 0.01}.
 *
 * <p>Bad input and failures: the reporter never throws into the host. A supplier that throws or
 * returns null, or a logger that throws, costs that one report: it is counted in
 * {@link #failures()}, logged at WARN (once per failure, with the exception) when the logger
 * still works, and the next period runs as usual. {@link #start()} on a running or stopped
 * reporter and {@link #stop()} on a stopped one do nothing. A period that is zero or negative
 * is refused by the builder with {@link IllegalArgumentException}; a null supplier or logger with
 * {@link NullPointerException}.
 */
public final class Slf4jReporter implements AutoCloseable {
    private final Supplier<Scorecard> source;
    private final Logger logger;
    private final long periodNanos;
    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicLong reports = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private Thread thread;
    private boolean started;
    private volatile boolean stopping;

    private Slf4jReporter(Builder b) {
        this.source = b.source;
        this.logger = b.logger;
        this.periodNanos = b.period.toNanos();
        this.threadName = b.threadName;
    }

    /** A reporter of the scorecards {@code source} makes, each time it reports. */
    public static Builder builder(Supplier<Scorecard> source) {
        return new Builder(Objects.requireNonNull(source, "source"));
    }

    /** Starts the reporting thread; does nothing if it was started or stopped before. */
    public void start() {
        lock.lock();
        try {
            if (started || stopping) {
                return;
            }
            started = true;
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops reporting and waits for the thread to end; a report under way finishes first. Does
     * nothing if not running. If the calling thread is interrupted while waiting, it returns at
     * once with its interrupt flag set (the reporting thread still ends after its report).
     */
    public void stop() {
        Thread t;
        lock.lock();
        try {
            stopping = true;
            wake.signalAll();
            t = thread;
        } finally {
            lock.unlock();
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Same as {@link #stop()}. */
    @Override public void close() {
        stop();
    }

    /** Whether the reporting thread is alive. */
    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Reports made so far, including failed ones. */
    public long reports() {
        return reports.get();
    }

    /** Reports that failed (the supplier or the logger threw, or the supplier returned null). */
    public long failures() {
        return failures.get();
    }

    /**
     * Makes one report now, on the calling thread, with the same never-throw guarantee as the
     * scheduled ones.
     */
    public void report() {
        reports.incrementAndGet();
        try {
            Scorecard card = source.get();
            if (card == null) {
                throw new IllegalStateException("the scorecard supplier returned null");
            }
            logger.info(summary(card));
            for (NodeScore n : card.nodes()) {
                if (n.guardrail().isPresent() && n.guardrail().get().status() == Status.BREACHED) {
                    logger.warn(breach(n, n.guardrail().get()));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            failures.incrementAndGet();
            try {
                logger.warn("northstar scorecard report failed; the next one runs as scheduled", e);
            } catch (RuntimeException ignored) {
                // The logger itself is broken: the count is all that is left to tell.
            }
        }
    }

    private void run() {
        long next = System.nanoTime() + periodNanos;
        while (true) {
            lock.lock();
            try {
                long wait;
                while (!stopping && (wait = next - System.nanoTime()) > 0) {
                    wake.awaitNanos(wait);
                }
                if (stopping) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            report();
            // Fixed rate, but a slow report skips the periods it overran instead of bunching up.
            next += periodNanos;
            long now = System.nanoTime();
            if (next - now <= 0) {
                next = now + periodNanos;
            }
        }
    }

    /** The one-line summary of a scorecard, as logged at INFO. */
    static String summary(Scorecard card) {
        StringBuilder s = new StringBuilder("scorecard ").append(card.northStar())
                .append(" over ").append(card.window().label()).append(" vs ").append(card.comparison().label())
                .append(": ");
        NodeScore star = card.nodes().stream().filter(n -> n.metric().equals(card.northStar())).findFirst()
                .orElse(null);
        if (star != null) {
            s.append(star.metric()).append('=').append(number(star.current().value()))
                    .append(" (").append(percent(star.change().relative())).append(") ")
                    .append(star.status().name()).append("; ");
        }
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        card.nodes().forEach(n -> counts.merge(n.status(), 1, Integer::sum));
        s.append(card.nodes().size()).append(" nodes");
        String sep = ": ";
        for (Map.Entry<Status, Integer> e : counts.entrySet()) {
            s.append(sep).append(e.getValue()).append(' ').append(e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            sep = ", ";
        }
        return s.toString();
    }

    /** The WARN line of one breached guardrail. */
    static String breach(NodeScore n, GuardrailState g) {
        return "guardrail " + n.metric() + " BREACHED: observed " + number(g.observed()) + ", limit "
                + g.threshold().kind().name() + " " + number(OptionalDouble.of(g.threshold().limit()));
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble())
                ? new BigDecimal(v.getAsDouble()).round(new MathContext(6)).stripTrailingZeros().toPlainString()
                : "no data";
    }

    private static String percent(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%+.2f%%", 100 * v.getAsDouble()) : "no change data";
    }

    /**
     * Settings of a reporter: the period (default one minute), the logger (default
     * {@code dev.northstar.metrics.report}) and the thread's name (default
     * {@code northstar-reporter}).
     */
    public static final class Builder {
        private final Supplier<Scorecard> source;
        private Duration period = Duration.ofMinutes(1);
        private Logger logger = LoggerFactory.getLogger(Slf4jReporter.class.getPackageName());
        private String threadName = "northstar-reporter";

        private Builder(Supplier<Scorecard> source) {
            this.source = source;
        }

        /** Time between reports; must be positive. */
        public Builder period(Duration period) {
            if (period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("the period must be positive, was " + period);
            }
            this.period = period;
            return this;
        }

        /** Time between reports in {@code unit}; must be positive. */
        public Builder period(long amount, TimeUnit unit) {
            return period(Duration.ofNanos(unit.toNanos(amount)));
        }

        /** The logger to write to. */
        public Builder logger(Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** The reporting thread's name. */
        public Builder threadName(String name) {
            this.threadName = Objects.requireNonNull(name, "threadName");
            return this;
        }

        /** A reporter, not yet started. */
        public Slf4jReporter build() {
            return new Slf4jReporter(this);
        }
    }
}
