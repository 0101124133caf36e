package dev.northstar.payments;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import dev.northstar.metrics.simulation.Bits;
import dev.northstar.metrics.simulation.Weighted;
import dev.northstar.metrics.simulation.Zipf;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeded, deterministic traffic of a mobile payment platform, with injectable incidents.
 *
 * <pre>{@code
 * PaymentsSimulator sim = new PaymentsSimulator(PaymentsSimulator.Config.defaults(42)
 *         .withIncidents(List.of(new Incident.BankOutage(lastDay, "east", "ICBC", 9, 13, 0.85))));
 * long events = sim.run(recorder, Runtime.getRuntime().availableProcessors());
 * }</pre>
 *
 * <p>The shape of the traffic: a daily curve with breakfast, lunch and evening peaks and a quiet
 * night; weekends 10% busier; payers and merchants drawn from Zipf distributions (a few very
 * active, a long tail); log-normal amounts with medians by merchant category and log-normal
 * latencies (median 180 ms); about 3% of attempts failing, mostly for insufficient funds and
 * user cancellations; refunds on about 2% and disputes on about 0.3% of payments, a merchant fee
 * of 0.6% (the standard rate of the large Chinese wallets), P2P transfers and red packets.
 *
 * <p>Each day is cut into {@value #SLICES} slices, each generated from its own random stream
 * seeded by (seed, day, slice), so the events — and every metric — are identical for the same
 * seed whatever the number of threads. Generation allocates nothing per event.
 */
public final class PaymentsSimulator {
    /** Slices per day: the unit of parallel work, fixed so results do not depend on threads. */
    public static final int SLICES = 32;

    static final String[] REGIONS = {"east", "north", "south", "central", "southwest", "northwest", "northeast"};
    private static final double[] REGION_WEIGHTS = {0.30, 0.18, 0.20, 0.12, 0.10, 0.05, 0.05};
    static final String[] BANKS = {"ICBC", "CCB", "ABC", "BOC", "BOCOM", "CMB", "PSBC", "CIB"};
    private static final double[] BANK_WEIGHTS = {0.22, 0.18, 0.15, 0.13, 0.09, 0.11, 0.07, 0.05};
    private static final double[] HOUR_WEIGHTS = {
        0.6, 0.3, 0.2, 0.15, 0.15, 0.3, 1.2, 3.5, 4.5, 3.5, 3.6, 6.0,
        7.5, 5.5, 3.8, 3.6, 3.9, 5.0, 6.8, 7.2, 5.8, 4.5, 2.8, 1.4};
    /** Median amount per merchant category, minor units. */
    private static final double[] MEDIAN_AMOUNT = {2_500, 6_000, 15_000, 800, 12_000, 8_000, 60_000, 3_000, 10_000,
        5_000};
    private static final double[] CATEGORY_WEIGHTS = {0.30, 0.16, 0.14, 0.12, 0.04, 0.06, 0.03, 0.07, 0.05, 0.03};
    private static final double[] CHANNEL_WEIGHTS = {0.55, 0.20, 0.17, 0.08}; // merchant channels only
    private static final double[] FAILURE_WEIGHTS = {0.35, 0.05, 0.15, 0.10, 0.30, 0.05};
    private static final double BASE_FAILURE = 0.03;

    private final Config config;
    private final Zipf payers;
    private final Zipf merchants;
    private final Weighted regions = new Weighted(REGION_WEIGHTS);
    private final Weighted banks = new Weighted(BANK_WEIGHTS);
    private final Weighted hours = new Weighted(HOUR_WEIGHTS);
    private final Weighted categories = new Weighted(CATEGORY_WEIGHTS);
    private final Weighted channels = new Weighted(CHANNEL_WEIGHTS);
    private final Weighted reasons = new Weighted(FAILURE_WEIGHTS);

    /**
     * What to simulate.
     *
     * @param seed           the seed: same seed, same events
     * @param firstDay       the first simulated day
     * @param days           how many days
     * @param paymentsPerDay payment attempts on an average weekday
     * @param zone           the platform's zone (days and the daily curve are local)
     * @param payers         the payer population
     * @param merchants      the merchant population
     * @param incidents      what goes wrong, and when
     */
    public record Config(long seed, LocalDate firstDay, int days, int paymentsPerDay, ZoneId zone, int payers,
                         int merchants, List<Incident> incidents) {
        public Config {
            Objects.requireNonNull(firstDay);
            Objects.requireNonNull(zone);
            incidents = List.copyOf(incidents);
            if (days < 1 || paymentsPerDay < 1 || payers < 1 || merchants < 1) {
                throw new IllegalArgumentException("days, payments per day, payers and merchants must be positive");
            }
        }

        /**
         * 14 days to 2026-11-15 in Asia/Shanghai, 320,000 payment attempts a day (about 10 million
         * events in all), 2 M payers, 200,000 merchants.
         */
        public static Config defaults(long seed) {
            return new Config(seed, LocalDate.of(2026, 11, 2), 14, 320_000, ZoneId.of("Asia/Shanghai"), 2_000_000,
                    200_000, List.of());
        }

        /** The same with other incidents. */
        public Config withIncidents(List<Incident> list) {
            return new Config(seed, firstDay, days, paymentsPerDay, zone, payers, merchants, list);
        }

        /** The same over other days. */
        public Config withDays(LocalDate first, int count) {
            return new Config(seed, first, count, paymentsPerDay, zone, payers, merchants, incidents);
        }

        /** The same with another daily volume. */
        public Config withPaymentsPerDay(int perDay) {
            return new Config(seed, firstDay, days, perDay, zone, payers, merchants, incidents);
        }

        /** The last simulated day. */
        public LocalDate lastDay() {
            return firstDay.plusDays(days - 1L);
        }
    }

    public PaymentsSimulator(Config config) {
        this.config = config;
        this.payers = new Zipf(config.payers(), 0.8);
        this.merchants = new Zipf(config.merchants(), 1.05);
    }

    public Config config() {
        return config;
    }

    /**
     * Generates every event of every day into {@code sink} on {@code threads} threads, returning
     * how many events were produced. The sink must be thread-safe (a recorder is).
     */
    public long run(PaymentEvents sink, int threads) {
        return run(sink, threads, new AtomicLong());
    }

    /** As {@link #run(PaymentEvents, int)}, adding to {@code progress} as slices complete. */
    public long run(PaymentEvents sink, int threads, AtomicLong progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "payments-simulator");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int d = 0; d < config.days(); d++) {
                LocalDate day = config.firstDay().plusDays(d);
                for (int s = 0; s < SLICES; s++) {
                    int slice = s;
                    parts.add(pool.submit(() -> {
                        long n = slice(day, slice, sink);
                        progress.addAndGet(n);
                        return n;
                    }));
                }
            }
            long total = 0;
            for (Future<Long> f : parts) {
                total += f.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("simulation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Events per payment attempt on average: fees, refunds, transfers, red packets, accounts. */
    public static final double EVENTS_PER_PAYMENT = 2.22;

    /** Approximate number of events {@link #run} produces, for progress bars. */
    public long expectedEvents() {
        return (long) (config.paymentsPerDay() * EVENTS_PER_PAYMENT * config.days());
    }

    /** Generates one slice of one day; returns the number of events. */
    long slice(LocalDate day, int slice, PaymentEvents sink) {
        SplittableRandom rnd = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L
                + day.toEpochDay() * 0xBF58476D1CE4E5B9L + slice * 0x94D049BB133111EBL);
        long dayStart = day.atStartOfDay(config.zone()).toInstant().toEpochMilli();
        long dayLength = day.plusDays(1).atStartOfDay(config.zone()).toInstant().toEpochMilli() - dayStart;
        boolean weekend = day.getDayOfWeek().getValue() >= 6;
        int payments = (int) Math.round(config.paymentsPerDay() * (weekend ? 1.1 : 1.0) / SLICES);
        double fraudMultiplier = 1;
        double redPacketMultiplier = 1;
        for (Incident i : config.incidents()) {
            if (i.day().equals(day)) {
                if (i instanceof Incident.FraudWave w) {
                    fraudMultiplier *= w.multiplier();
                } else if (i instanceof Incident.RedPacketSurge s) {
                    redPacketMultiplier *= s.multiplier();
                }
            }
        }
        long events = 0;
        for (int n = 0; n < payments; n++) {
            events += payment(day, dayStart, dayLength, rnd, sink, fraudMultiplier);
        }
        int p2p = payments / 12;
        for (int n = 0; n < p2p; n++) {
            sink.p2pTransfer(at(dayStart, dayLength, rnd), REGIONS[regions.sample(rnd)], amount(rnd, 20_000, 1.0));
            events++;
        }
        int packets = (int) Math.round(payments / 20.0 * redPacketMultiplier);
        for (int n = 0; n < packets; n++) {
            long t = at(dayStart, dayLength, rnd);
            String region = REGIONS[regions.sample(rnd)];
            sink.redPacketSent(t, region, amount(rnd, 888, 0.9));
            events++;
            if (rnd.nextDouble() < 0.9) {
                sink.redPacketOpened(Math.min(t + rnd.nextLong(600_000), dayStart + dayLength - 1), region);
                events++;
            }
        }
        int newAccounts = Math.max(1, payments / 150);
        for (int n = 0; n < newAccounts; n++) {
            events += newAccount(day, dayStart, dayLength, slice, n, rnd, sink);
        }
        for (int n = 0, topUps = payments / 30; n < topUps; n++) {
            sink.topUp(at(dayStart, dayLength, rnd), REGIONS[regions.sample(rnd)], BANKS[banks.sample(rnd)],
                    rnd.nextBoolean() ? FundingSource.DEBIT_CARD : FundingSource.CREDIT_CARD, amount(rnd, 50_000, 0.8));
            events++;
        }
        if (slice == 0) {
            for (int n = 0, onboarded = Math.max(1, config.merchants() / 2_000); n < onboarded; n++) {
                sink.merchantOnboarded(at(dayStart, dayLength, rnd), REGIONS[regions.sample(rnd)],
                        MerchantCategory.values()[categories.sample(rnd)]);
                events++;
            }
        }
        return events;
    }

    private int payment(LocalDate day, long dayStart, long dayLength, SplittableRandom rnd, PaymentEvents sink,
                        double fraudMultiplier) {
        long payer = payers.sample(rnd);
        return attempt(day, dayStart, dayLength, rnd, sink, payer, false, fraudMultiplier);
    }

    private int attempt(LocalDate day, long dayStart, long dayLength, SplittableRandom rnd, PaymentEvents sink,
                        long payer, boolean first, double fraudMultiplier) {
        long t = at(dayStart, dayLength, rnd);
        int hour = (int) ((t - dayStart) / 3_600_000L);
        // a payer's region, bank and funding are stable attributes of the payer
        long h = Bits.mix(payer);
        String region = REGIONS[regions.sampleUnit(Bits.unit(h))];
        String bank = BANKS[banks.sampleUnit(Bits.unit(h >>> 21))];
        FundingSource funding = FundingSource.values()[(int) ((h >>> 42) & 3)];
        long merchant = merchants.sample(rnd);
        MerchantCategory category = MerchantCategory.values()[categories.sampleUnit(Bits.unit(Bits.mix(merchant)))];
        Channel channel = Channel.values()[channels.sample(rnd)];
        boolean crossBorder = (Bits.mix(merchant) & 63) == 0;
        long amount = amount(rnd, MEDIAN_AMOUNT[category.ordinal()], 0.8);
        double latencyFactor = 1;
        double failure = BASE_FAILURE;
        FailureReason reason = null;
        for (Incident i : config.incidents()) {
            if (!i.day().equals(day)) {
                continue;
            }
            if (i instanceof Incident.BankOutage o && hour >= o.fromHour() && hour < o.toHour()
                    && o.region().equals(region) && o.bank().equals(bank) && funding != FundingSource.WALLET_BALANCE) {
                if (rnd.nextDouble() < o.failureShare()) {
                    reason = FailureReason.BANK_UNAVAILABLE;
                }
                latencyFactor *= 4;
            } else if (i instanceof Incident.LatencyRegression l && hour >= l.fromHour() && hour < l.toHour()) {
                latencyFactor *= l.factor();
            }
        }
        if (reason == null && rnd.nextDouble() < failure) {
            reason = FailureReason.values()[reasons.sample(rnd)];
        }
        long latency = Math.min(59_000_000L, (long) (180_000 * latencyFactor * Math.exp(0.35 * rnd.nextGaussian())));
        sink.payment(t, payer, merchant, region, bank, channel, funding, category, crossBorder,
                first && reason == null, reason, amount, latency);
        int events = 1;
        if (reason == null) {
            sink.feeRevenue(t, region, channel, category, Math.round(amount * 0.006));
            events++;
            double u = rnd.nextDouble();
            if (u < 0.02) {
                sink.refund(Math.min(t + 3_600_000L, dayStart + dayLength - 1), region, channel, category, amount);
                events++;
            } else if (u < 0.023) {
                sink.dispute(Math.min(t + 7_200_000L, dayStart + dayLength - 1), region, channel, category);
                events++;
            } else if (u < 0.023 + 0.0002 * fraudMultiplier) {
                sink.fraudReported(Math.min(t + 1_800_000L, dayStart + dayLength - 1), region, channel, amount);
                events++;
            }
        }
        return events;
    }

    private int newAccount(LocalDate day, long dayStart, long dayLength, int slice, int n, SplittableRandom rnd,
                           PaymentEvents sink) {
        // new users get ids above the base population, unique per (day, slice, n)
        long user = config.payers() + ((day.toEpochDay() * SLICES + slice) << 20) + n;
        String region = REGIONS[regions.sampleUnit(Bits.unit(Bits.mix(user)))];
        long opened = at(dayStart, dayLength, rnd);
        sink.accountOpened(opened, user, region);
        int events = 1;
        if (rnd.nextDouble() < 0.7) {
            sink.cardLink(opened, region, BANKS[banks.sampleUnit(Bits.unit(Bits.mix(user) >>> 21))], rnd.nextDouble() < 0.92);
            events++;
        }
        if (rnd.nextDouble() < 0.6) {
            events += attempt(day, dayStart, dayLength, rnd, sink, user, true, 1);
        }
        return events;
    }

    private long at(long dayStart, long dayLength, SplittableRandom rnd) {
        int hour = hours.sample(rnd);
        long offset = hour * 3_600_000L + rnd.nextLong(3_600_000L);
        return dayStart + Math.min(offset, dayLength - 1); // a 23-hour day folds its last hour
    }

    private static long amount(SplittableRandom rnd, double median, double sigma) {
        return Math.max(1, Math.round(median * Math.exp(sigma * rnd.nextGaussian())));
    }
}
