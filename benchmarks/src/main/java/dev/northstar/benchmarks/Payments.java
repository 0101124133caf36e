package dev.northstar.benchmarks;

import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.registry.MetricRegistry;
import java.util.SplittableRandom;

/**
 * The payments vocabulary the benchmarks record with, and their pre-generated inputs: every
 * array is filled before measurement, so no benchmark pays for generating its input.
 */
final class Payments {
    /** Where a payment was made. */
    enum Channel { QR_SCAN, IN_APP, MINI_PROGRAM, WEB }

    /** What paid for it. */
    enum Funding { BALANCE, DEBIT_CARD, CREDIT_CARD, BANK_TRANSFER, CREDIT_LINE }

    /** How it ended. */
    enum Outcome { SUCCESS, DECLINED, ERROR }

    static final EnumDimension<Channel> CHANNEL = Dimension.of("channel", Channel.class);
    static final EnumDimension<Funding> FUNDING = Dimension.of("funding", Funding.class);
    static final EnumDimension<Outcome> OUTCOME = Dimension.of("outcome", Outcome.class);

    /** Length of every input array: a power of two, so a cursor wraps with a mask. */
    static final int INPUTS = 1 << 12;
    static final int MASK = INPUTS - 1;

    private Payments() {
    }

    /** A registry with every default, including the coarse system clock. */
    static MetricRegistry registry() {
        return MetricRegistry.builder().build();
    }

    static <E extends Enum<E>> E[] cycle(Class<E> type, SplittableRandom random) {
        E[] constants = type.getEnumConstants();
        @SuppressWarnings("unchecked")
        E[] out = (E[]) java.lang.reflect.Array.newInstance(type, INPUTS);
        for (int i = 0; i < INPUTS; i++) {
            out[i] = constants[random.nextInt(constants.length)];
        }
        return out;
    }

    /** Latencies in microseconds, roughly log-uniform between 100 us and 10 s. */
    static long[] latenciesMicros(SplittableRandom random) {
        long[] out = new long[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            out[i] = (long) Math.pow(10, 2 + 5 * random.nextDouble());
        }
        return out;
    }

    /** Amounts in fen, between 1 fen and 10,000 CNY. */
    static long[] amountsMinor(SplittableRandom random) {
        long[] out = new long[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            out[i] = 1 + random.nextLong(1_000_000);
        }
        return out;
    }

    /** Outcomes of attempts with a 95 % success rate. */
    static boolean[] successes(SplittableRandom random) {
        boolean[] out = new boolean[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            out[i] = random.nextInt(100) < 95;
        }
        return out;
    }

    /** Payer ids drawn from a population of {@code population} (ids repeat, as a day's do). */
    static long[] payerIds(SplittableRandom random, int population) {
        long[] out = new long[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            out[i] = 10_000_000L + random.nextInt(population);
        }
        return out;
    }

    /**
     * Event times inside the registry's current bucket, between its start and now: what a host
     * that passes its own event times records almost always. Regenerated per iteration, so a
     * bucket rolling over between iterations does not turn them into late events.
     */
    static long[] eventTimesInCurrentBucket(MetricRegistry registry, SplittableRandom random) {
        long now = registry.clock().millis();
        long from = registry.bucketNow().startMillis();
        long[] out = new long[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            out[i] = from + (now > from ? random.nextLong(now - from + 1) : 0);
        }
        return out;
    }
}
