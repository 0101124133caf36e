package dev.northstar.metrics.acceptance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * What a property generates: the seed and size of a stream of payments, the daylight-saving change
 * the stream straddles, how the registry's clock moves while the stream is recorded, and the
 * latency histogram's precision. The payments themselves are drawn from the seed, so a smaller
 * size (what jqwik shrinks to) is a prefix of the same stream.
 *
 * @param seed          seed of the stream
 * @param size          number of payments
 * @param dst           which New York daylight-saving change the ten days of the stream contain
 * @param clock         how the registry's clock moves while recording
 * @param latencyDigits HdrHistogram significant digits of the latency distribution
 */
public record StreamSpec(long seed, int size, DstChange dst, ClockMode clock, int latencyDigits) {
    /** The zone of every stream: it has both daylight-saving changes. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Days a stream spans. */
    public static final int DAYS = 10;
    /** Distinct payers a stream draws from: few enough that Theta sketches stay exact. */
    public static final int PAYERS = 600;
    /** Merchants a stream draws from (besides null and the empty string). */
    public static final int MERCHANTS = 5;

    /** The two daylight-saving changes of 2026 in New York, each inside a ten-day span. */
    public enum DstChange {
        /** 2026-03-08 has 23 hours; the span 2026-02-28 .. 2026-03-09 also crosses a month. */
        SPRING_FORWARD(LocalDate.of(2026, 2, 28)),
        /** 2026-11-01 has 25 hours; the span 2026-10-27 .. 2026-11-05 also crosses a month. */
        FALL_BACK(LocalDate.of(2026, 10, 27));

        public final LocalDate firstDay;

        DstChange(LocalDate firstDay) {
            this.firstDay = firstDay;
        }
    }

    /** How the registry's clock moves while the stream is recorded. */
    public enum ClockMode {
        /** The clock stands just after the last event; payments arrive in random time order. */
        FIXED_AFTER_LAST_EVENT,
        /**
         * The clock follows delivery: most payments arrive at their event time, some hours late and
         * some days late (past the fine retention), so buckets are compacted while recording.
         */
        ADVANCING_WITH_LATE_EVENTS
    }

    /**
     * The arbitrary the properties draw from. A 3-digit histogram of the default microsecond range
     * is about 140 KB per series and bucket, so the big streams keep to 1 or 2 digits and a
     * dedicated property covers 3 digits on shorter streams.
     */
    public static Arbitrary<StreamSpec> arbitrary(int maxSize, int maxDigits) {
        // one stream in six is short; the rest spread uniformly (jqwik's own bias and edge cases
        // would otherwise make half the streams tiny)
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(1, 30)),
                Tuple.of(5, Arbitraries.integers().between(30, maxSize).withDistribution(RandomDistribution.uniform())));
        return Combinators.combine(
                Arbitraries.longs(),
                sizes,
                Arbitraries.of(DstChange.class),
                Arbitraries.of(ClockMode.class),
                Arbitraries.integers().between(1, maxDigits)).as(StreamSpec::new).withoutEdgeCases();
    }

    public LocalDate firstDay() {
        return dst.firstDay;
    }

    public LocalDate lastDay() {
        return dst.firstDay.plusDays(DAYS - 1L);
    }

    /** A payment and the clock's time when it is recorded. */
    public record Delivery(Payment payment, long clockMillis) {
    }

    /**
     * The payments in the order they are recorded, each with the clock's time at that moment. The
     * clock never goes back, and after the last delivery it stands at {@link #finalClock}.
     */
    public List<Delivery> deliveries() {
        List<Payment> payments = payments();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Delivery> out = new ArrayList<>(payments.size());
        if (clock == ClockMode.FIXED_AFTER_LAST_EVENT) {
            long fixed = finalClock(payments);
            for (Payment p : payments) {
                out.add(new Delivery(p, fixed));
            }
            return out;
        }
        for (Payment p : payments) {
            double r = random.nextDouble();
            long delay = r < 0.85 ? 0
                    : r < 0.95 ? random.nextLong(Duration.ofHours(3).toMillis())
                    : random.nextLong(Duration.ofHours(80).toMillis());
            out.add(new Delivery(p, p.atMillis() + delay));
        }
        out.sort(Comparator.comparingLong(Delivery::clockMillis));
        return out;
    }

    /** Where the clock stands once everything is recorded: up to three hours after the last event. */
    public long finalClock(List<Payment> payments) {
        long last = payments.stream().mapToLong(Payment::atMillis).max().orElse(startMillis());
        return last + new SplittableRandom(seed ^ 0xC0FFEEL).nextLong(Duration.ofHours(3).toMillis());
    }

    /** Start of the first day. */
    public long startMillis() {
        return firstDay().atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
    }

    /** End of the last day. */
    public long endMillis() {
        return lastDay().plusDays(1).atStartOfDay(NEW_YORK).toInstant().toEpochMilli();
    }

    /** The payments, in generation (random time) order. */
    public List<Payment> payments() {
        SplittableRandom random = new SplittableRandom(seed);
        long[] payers = new long[PAYERS];
        for (int i = 0; i < payers.length; i++) {
            payers[i] = random.nextLong();
        }
        long start = startMillis();
        long end = endMillis();
        long hour = Duration.ofHours(1).toMillis();
        List<Payment> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long at;
            if (random.nextInt(8) == 0) { // on an hour boundary, or the last millisecond before one
                long h = start + hour * random.nextLong((end - start) / hour);
                at = h - (random.nextBoolean() && h > start ? 1 : 0);
            } else {
                at = start + random.nextLong(end - start);
            }
            Channel channel = pick(random, 10, Channel.values());
            String merchant = merchant(random);
            Boolean crossBorder = random.nextInt(8) == 0 ? null : random.nextInt(4) == 0;
            boolean success = random.nextInt(10) != 0;
            long amount = random.nextInt(5) == 0 ? 0 : 1 + random.nextLong(200_000);
            long refund = random.nextInt(12) == 0 ? 1 + random.nextLong(50_000) : 0;
            long latency = random.nextInt(50) == 0 ? 0 : (long) Math.exp(random.nextDouble() * Math.log(50_000_000));
            long payer = payers[(int) Math.min(PAYERS - 1, Math.abs(random.nextGaussian()) * PAYERS / 2.5)];
            long balance = random.nextLong(1_001_000) - 1_000;
            int step = random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 6 ? 1 : 2;
            out.add(new Payment(at, channel, merchant, crossBorder, success, amount, refund, latency, payer,
                    balance, step, random.nextInt(3) == 0, random.nextBoolean()));
        }
        return out;
    }

    private static String merchant(SplittableRandom random) {
        int r = random.nextInt(20);
        if (r == 0) {
            return null;
        }
        if (r == 1) {
            return "";
        }
        return "m" + Math.min(MERCHANTS - 1, (int) Math.abs(random.nextGaussian() * 2));
    }

    /** A value, or null with probability {@code 1 / nullOneIn}. */
    private static <T> T pick(SplittableRandom random, int nullOneIn, T[] values) {
        return random.nextInt(nullOneIn) == 0 ? null : values[random.nextInt(values.length)];
    }

    @Override public String toString() {
        return size + " payments from seed " + seed + " around " + dst + ", clock " + clock + ", latency "
                + latencyDigits + " digits (" + Instant.ofEpochMilli(startMillis()) + " .. "
                + Instant.ofEpochMilli(endMillis()) + ")";
    }
}
