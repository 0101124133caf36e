package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.Channel;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryEngine;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.time.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several writers record a known set of events into shared series and bound handles while a
 * reader queries and snapshots without pause. After the join every total is exact; during the
 * run no reader sees a success rate above 1, a count above what was recorded, or a distinct count
 * above the events recorded so far.
 *
 * <p>The writers bump an {@link AtomicLong} after each record, so a reader that queries first and
 * reads the counter second may see up to one record per writer that is not counted yet: the
 * bounds below allow {@link #WRITERS} records in flight.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentRecordingTest {
    private static final int WRITERS = 4;
    private static final Channel[] CHANNELS = Channel.values();
    /** Relative standard error of an HLL sketch of the default lgK 12: 1.04 / sqrt(4096). */
    private static final double HLL_RSE = 1.04 / 64;

    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /** Runs {@code reader} without pause from before the writers start until after they all end. */
    private int runConcurrently(Writer writer, Runnable reader) throws Exception {
        CountDownLatch readerRunning = new CountDownLatch(1);
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        AtomicInteger writing = new AtomicInteger(WRITERS);
        AtomicInteger reads = new AtomicInteger();
        Future<?> readerDone = pool.submit(() -> {
            try {
                do {
                    reader.run();
                    reads.incrementAndGet();
                    readerRunning.countDown();
                } while (writing.get() > 0);
                reader.run(); // once more, after the last write
            } finally {
                readerRunning.countDown(); // a failed reader must not leave the writers waiting
            }
            return null;
        });
        List<Future<?>> writersDone = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int t = w;
            writersDone.add(pool.submit(() -> {
                try {
                    readerRunning.await();
                    start.await(10, TimeUnit.SECONDS);
                    writer.write(t);
                } finally {
                    writing.decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : writersDone) {
            f.get(30, TimeUnit.SECONDS);
        }
        readerDone.get(30, TimeUnit.SECONDS);
        return reads.get();
    }

    @FunctionalInterface
    private interface Writer {
        void write(int thread) throws Exception;
    }

    private void check(boolean ok, String what) {
        if (!ok && violations.size() < 20) {
            violations.add(what);
        }
    }

    private static Value value(QueryResult r, String... labels) {
        return r.row(labels).map(Row::value).orElseThrow(() -> new AssertionError("no row " + List.of(labels)));
    }

    // ---------------------------------------------------------------------------------------------

    private static final int EVENTS = 40_000;           // per writer
    private static final int PAYER_REPEATS = 4;         // each payer pays this many times in a row
    private static final int VISITORS = 500;            // per writer, for the funnel

    @Test
    void everyTotalIsExactAfterConcurrentWritesWhileReadersNeverSeeImpossibleValues() throws Exception {
        // every event falls in 20:00-21:00 of the fixed day; the clock stands at the end of that hour
        long hourStart = Calendar.millis(20, 0);
        ManualClock clock = new ManualClock(Calendar.at(20, 59).plusSeconds(59));
        MetricRegistry registry = Calendar.registry(clock);
        EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);
        CountMetric payments = registry.register(MetricDefinition.count("payments")
                .description("Successful payments").dimensions(channel).build());
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY")
                .description("Value of payments").dimensions(channel).build());
        RatioMetric successRate = registry.register(MetricDefinition.ratio("success_rate")
                .description("Successes / attempts").dimensions(channel).build());
        DistributionMetric latency = registry.register(MetricDefinition.distribution("latency")
                .unit(Unit.MICROSECONDS).description("Authorization latency").build());
        DistinctMetric payers = registry.register(MetricDefinition.distinct("active_payers")
                .description("Payers").build());
        GaugeMetric balance = registry.register(MetricDefinition.gauge("balance")
                .description("Balance").build());
        FunnelMetric checkout = registry.register(MetricDefinition.funnel("checkout", "visit", "pay")
                .description("Visit, then pay").build());
        Window day = Window.day(Calendar.DAY);
        Query rateQuery = Query.of(successRate).window(day);
        Query rateByChannel = Query.of(successRate).window(day).groupBy("channel");

        AtomicLong paymentsRecorded = new AtomicLong();
        AtomicLong attemptsRecorded = new AtomicLong();
        AtomicLong payerEventsRecorded = new AtomicLong();
        AtomicLong latenciesRecorded = new AtomicLong();
        long[] lastPayments = {0};

        int reads = runConcurrently(t -> {
            // even writers keep bound handles; odd writers resolve series and one bucket per event
            AdditiveMetric.Series[] paymentsOf = new AdditiveMetric.Series[CHANNELS.length];
            AdditiveMetric.Series[] tpvOf = new AdditiveMetric.Series[CHANNELS.length];
            RatioMetric.Series[] rateOf = new RatioMetric.Series[CHANNELS.length];
            for (Channel c : CHANNELS) {
                paymentsOf[c.ordinal()] = payments.bind(c);
                tpvOf[c.ordinal()] = tpv.bind(c);
                rateOf[c.ordinal()] = successRate.bind(c);
            }
            DistributionMetric.Series latencyAll = latency.bind();
            DistinctMetric.Series payersAll = payers.bind();
            for (int i = 0; i < EVENTS; i++) {
                long at = hourStart + i * (3_599_000L / EVENTS);
                Channel c = CHANNELS[(i + t) % CHANNELS.length];
                long payer = (long) t * EVENTS + i / PAYER_REPEATS;
                long visitor = t * VISITORS + i % VISITORS;
                if (t % 2 == 0) {
                    paymentsOf[c.ordinal()].add(1, at);
                    paymentsRecorded.incrementAndGet();
                    tpvOf[c.ordinal()].add(amount(i), at);
                    rateOf[c.ordinal()].record(success(i));
                    attemptsRecorded.incrementAndGet();
                    latencyAll.record(micros(i), at);
                    latenciesRecorded.incrementAndGet();
                    payersAll.add(payer, at);
                    payerEventsRecorded.incrementAndGet();
                    checkout.step(checkout.series(), 0, visitor, at);
                    if (visitor % 4 == 0) {
                        checkout.step(checkout.series(), 1, visitor, at);
                    }
                } else {
                    Bucket b = registry.bucketAt(at);
                    payments.increment(b, payments.series(c));
                    paymentsRecorded.incrementAndGet();
                    tpv.add(b, tpv.series(c), amount(i));
                    successRate.record(b, successRate.series(c), success(i));
                    attemptsRecorded.incrementAndGet();
                    latency.record(b, latency.series(), micros(i));
                    latenciesRecorded.incrementAndGet();
                    payers.add(b, payers.series(), payer);
                    payerEventsRecorded.incrementAndGet();
                    checkout.step(b, checkout.series(), 0, visitor);
                    if (visitor % 4 == 0) {
                        checkout.step(b, checkout.series(), 1, visitor);
                    }
                }
                balance.set(balance.series(), t * 1_000_000L + i, at);
            }
        }, () -> {
            Value.Ratio rate = (Value.Ratio) registry.query(rateQuery).value();
            long attempts = attemptsRecorded.get();
            check(rate.numerator() <= rate.denominator(), "success rate above 1: " + rate);
            check(rate.denominator() <= attempts + WRITERS, rate + " but " + attempts + " attempts recorded");
            for (Row row : registry.query(rateByChannel).rows()) {
                Value.Ratio r = (Value.Ratio) row.value();
                check(r.numerator() <= r.denominator(), "success rate above 1 in " + row);
            }

            long count = ((Value.Count) registry.query(Query.of(payments).window(day)).value()).count();
            long recorded = paymentsRecorded.get();
            check(count <= recorded + WRITERS, count + " payments but " + recorded + " recorded");
            check(count >= lastPayments[0], "payments went down from " + lastPayments[0] + " to " + count);
            lastPayments[0] = count;

            double distinct = registry.query(Query.of(payers).window(day)).value().value().orElseThrow();
            long payerEvents = payerEventsRecorded.get();
            check(distinct <= (payerEvents + WRITERS) * (1 + 3 * HLL_RSE),
                    distinct + " distinct payers but " + payerEvents + " payer events recorded");

            Snapshot all = registry.snapshot();
            Value.Ratio snapped = (Value.Ratio) QueryEngine.run(all, rateQuery).value();
            check(snapped.numerator() <= snapped.denominator(), "success rate above 1 in a snapshot: " + snapped);
            long samples = ((Value.Distribution) QueryEngine.run(all, Query.of(latency).window(day)).value()).count();
            long latencies = latenciesRecorded.get();
            check(samples <= latencies + WRITERS, samples + " latencies but " + latencies + " recorded");

            Value.Funnel f = (Value.Funnel) QueryEngine.run(all, Query.of(checkout).window(day)).value();
            check(f.steps().get(1).reached() <= f.steps().get(0).reached(), "more paid than visited: " + f);
        });

        assertThat(violations).isEmpty();
        assertThat(reads).isPositive();

        long[] expectedPayments = new long[CHANNELS.length];
        long[] expectedTpv = new long[CHANNELS.length];
        long[] expectedSuccesses = new long[CHANNELS.length];
        for (int t = 0; t < WRITERS; t++) {
            for (int i = 0; i < EVENTS; i++) {
                int c = (i + t) % CHANNELS.length;
                expectedPayments[c]++;
                expectedTpv[c] += amount(i);
                expectedSuccesses[c] += success(i) ? 1 : 0;
            }
        }
        QueryResult byChannel = registry.query(Query.of(payments).window(day).groupBy("channel"));
        QueryResult tpvByChannel = registry.query(Query.of(tpv).window(day).groupBy("channel"));
        QueryResult rateOfChannel = registry.query(rateByChannel);
        for (Channel c : CHANNELS) {
            int k = c.ordinal();
            assertThat(value(byChannel, c.name())).isEqualTo(new Value.Count(expectedPayments[k]));
            assertThat(value(tpvByChannel, c.name())).isEqualTo(new Value.Sum(expectedTpv[k]));
            assertThat(value(rateOfChannel, c.name()))
                    .isEqualTo(new Value.Ratio(expectedSuccesses[k], expectedPayments[k]));
        }
        long events = (long) WRITERS * EVENTS;
        assertThat(registry.query(Query.of(payments).window(day)).value()).isEqualTo(new Value.Count(events));

        Value.Distribution latencies = (Value.Distribution) registry.query(Query.of(latency).window(day)).value();
        assertThat(latencies.count()).isEqualTo(events);
        assertThat(latencies.min()).isEqualTo(micros(0));

        int trueDistinct = WRITERS * EVENTS / PAYER_REPEATS;
        Value.Distinct distinct = (Value.Distinct) registry.query(Query.of(payers).window(day)).value();
        assertThat(distinct.estimate()).isCloseTo(trueDistinct, within(3 * HLL_RSE * trueDistinct));
        assertThat((double) trueDistinct).isBetween(distinct.lowerBound(), distinct.upperBound());

        Value.Gauge level = (Value.Gauge) registry.query(Query.of(balance).window(day)).value();
        assertThat(level.level()).as("last value; at equal times the larger")
                .isEqualTo((WRITERS - 1) * 1_000_000L + EVENTS - 1);

        Value.Funnel funnel = (Value.Funnel) registry.query(Query.of(checkout).window(day)).value();
        assertThat(funnel.steps().get(0).reached()).isEqualTo(WRITERS * VISITORS);
        assertThat(funnel.steps().get(1).reached()).isEqualTo(WRITERS * VISITORS / 4);

        Health h = registry.health();
        assertThat(h.totalRefused()).isZero();
        assertThat(h.recordedAsUnknown()).isZero();
    }

    private static long amount(int i) {
        return 100 + i % 1_000;
    }

    private static boolean success(int i) {
        return i % 10 != 0;
    }

    private static long micros(int i) {
        return 1_000 + (i % 5_000) * 10L;
    }

    // ---------------------------------------------------------------------------------------------

    private static final int RATIO_READS = 1_000;
    private static final Duration RATIO_RUN = Duration.ofSeconds(2);

    @Test
    void aSuccessRateOfOnlySuccessesNeverReadsAboveOneWhileWritersRecord() throws Exception {
        // numerator == denominator at rest, so a read that sees a numerator increment without its
        // denominator increment (the order LongCells' class comment argues against) shows up at
        // once; the writers record until the reader has read RATIO_READS times, or for RATIO_RUN
        ManualClock clock = new ManualClock(Calendar.at(12, 30));
        MetricRegistry registry = Calendar.registry(clock);
        RatioMetric successRate = registry.register(MetricDefinition.ratio("success_rate")
                .description("Successes / attempts").build());
        long at = Calendar.millis(12, 0);
        Query today = Query.of(successRate).window(Window.day(Calendar.DAY));
        AtomicInteger reads = new AtomicInteger();
        LongAdder recorded = new LongAdder();
        long deadline = System.nanoTime() + RATIO_RUN.toNanos();

        runConcurrently(t -> {
            RatioMetric.Series bound = successRate.bind();
            int series = successRate.series();
            long mine = 0;
            while (reads.get() < RATIO_READS && System.nanoTime() < deadline) {
                for (int i = 0; i < 100; i++, mine++) {
                    if (t % 2 == 0) {
                        bound.record(true);
                    } else {
                        successRate.record(series, true, at);
                    }
                }
            }
            recorded.add(mine);
        }, () -> {
            Value.Ratio r = (Value.Ratio) registry.query(today).value();
            check(r.numerator() <= r.denominator(), "success rate above 1: " + r);
            reads.incrementAndGet();
        });

        assertThat(violations).isEmpty();
        assertThat(reads.get()).isPositive();
        long all = recorded.sum();
        assertThat(registry.query(today).value()).isEqualTo(new Value.Ratio(all, all));
    }

    // ---------------------------------------------------------------------------------------------

    private static final int HOURS = 6;
    private static final int EVENTS_PER_HOUR = 4_000;   // per writer

    @Test
    void totalsStayExactWhenWritersCrossHourBoundariesAsTheClockMoves() throws Exception {
        // the writers move the clock as they go, as real time would: buckets open while others write
        ManualClock clock = new ManualClock(Calendar.at(6, 0));
        MetricRegistry registry = Calendar.registry(clock);
        EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);
        CountMetric payments = registry.register(MetricDefinition.count("payments")
                .description("Payments, at their event time").dimensions(channel).build());
        CountMetric arrivals = registry.register(MetricDefinition.count("arrivals")
                .description("Payments, at the clock's now").build());
        RatioMetric successRate = registry.register(MetricDefinition.ratio("success_rate")
                .description("Successes / attempts").dimensions(channel).build());
        SumMetric tpv = registry.register(MetricDefinition.sum("tpv").money("CNY")
                .description("Value of payments").build());
        int events = HOURS * EVENTS_PER_HOUR;
        long step = Duration.ofHours(1).toMillis() / EVENTS_PER_HOUR;
        long start = Calendar.millis(6, 0);
        Window day = Window.day(Calendar.DAY);
        AtomicLong attemptsRecorded = new AtomicLong();

        int reads = runConcurrently(t -> {
            AdditiveMetric.Series arrived = arrivals.bind();
            for (int i = 0; i < events; i++) {
                long at = start + i * step;
                clock.advanceTo(at);
                Channel c = CHANNELS[(i + t) % CHANNELS.length];
                payments.increment(payments.series(c), at);
                successRate.record(successRate.series(c), success(i), at);
                attemptsRecorded.incrementAndGet();
                tpv.add(tpv.series(), amount(i), at);
                arrived.increment();
            }
        }, () -> {
            int hour = 6 + (int) ((clock.millis() - start) / Duration.ofHours(1).toMillis());
            for (Window w : List.of(day, Window.hour(Calendar.at(Math.min(hour, 11), 0)))) {
                Value.Ratio rate = (Value.Ratio) registry.query(Query.of(successRate).window(w)).value();
                check(rate.numerator() <= rate.denominator(), "success rate above 1 in " + w.label() + ": " + rate);
            }
            Value.Ratio rate = (Value.Ratio) registry.query(Query.of(successRate).window(day)).value();
            long attempts = attemptsRecorded.get();
            check(rate.denominator() <= attempts + WRITERS, rate + " but " + attempts + " attempts recorded");
        });

        assertThat(violations).isEmpty();
        assertThat(reads).isPositive();
        long perHour = (long) WRITERS * EVENTS_PER_HOUR;
        for (int h = 6; h < 6 + HOURS; h++) {
            Window hour = Window.hour(Calendar.at(h, 0));
            assertThat(registry.query(Query.of(payments).window(hour)).value())
                    .as("payments in hour %d", h).isEqualTo(new Value.Count(perHour));
        }
        long all = (long) WRITERS * events;
        long successes = 0;
        long value = 0;
        for (int i = 0; i < events; i++) {
            successes += success(i) ? WRITERS : 0;
            value += amount(i) * WRITERS;
        }
        assertThat(registry.query(Query.of(payments).window(day)).value()).isEqualTo(new Value.Count(all));
        assertThat(registry.query(Query.of(arrivals).window(day)).value()).isEqualTo(new Value.Count(all));
        assertThat(registry.query(Query.of(successRate).window(day)).value())
                .isEqualTo(new Value.Ratio(successes, all));
        assertThat(registry.query(Query.of(tpv).window(day)).value()).isEqualTo(new Value.Sum(value));
        assertThat(registry.health().totalRefused()).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    private static final int MERCHANT_LIMIT = 2_000;
    private static final int MERCHANTS = 3_000;
    private static final int PAYMENTS_PER_MERCHANT = 4;    // per writer

    @Test
    void anOpenDimensionGivesEachValueOneCodeUnderConcurrentFirstSightAndFoldsTheRest() throws Exception {
        ManualClock clock = new ManualClock(Calendar.at(12, 30));
        MetricRegistry registry = Calendar.registry(clock);
        OpenDimension merchant = Dimension.open("merchant", MERCHANT_LIMIT);
        CountMetric payments = registry.register(MetricDefinition.count("payments")
                .description("Payments").dimensions(merchant).build());
        long at = Calendar.millis(12, 0);
        List<Map<String, Integer>> codesSeen = Collections.synchronizedList(new ArrayList<>());
        LongAdder foldedSeen = new LongAdder();

        runConcurrently(t -> {
            // the first round in the same order everywhere, so writers meet at first sight
            List<String> values = new ArrayList<>();
            for (int round = 0; round < PAYMENTS_PER_MERCHANT; round++) {
                List<String> roundValues = new ArrayList<>();
                for (int m = 0; m < MERCHANTS; m++) {
                    roundValues.add("merchant-" + m);
                }
                if (round > 0) {
                    Collections.shuffle(roundValues, new Random(t * 31L + round));
                }
                values.addAll(roundValues);
            }
            Map<String, Integer> mine = new HashMap<>();
            for (String v : values) {
                int code = merchant.code(v);
                Integer before = mine.putIfAbsent(v, code);
                check(before == null || before == code, v + " had code " + before + ", then " + code);
                if (code == merchant.otherCode()) {
                    foldedSeen.increment();
                }
                payments.increment(payments.seriesOfCodes(code), at);
            }
            codesSeen.add(mine);
        }, () -> {
            QueryResult r = registry.query(Query.of(payments).window(Window.day(Calendar.DAY)).groupBy("merchant"));
            for (Row row : r.rows()) {
                String label = row.group().get("merchant");
                check(label.startsWith("merchant-") || label.equals(Dimension.OTHER), "unexpected label " + label);
            }
        });

        assertThat(violations).isEmpty();
        Map<String, Integer> code = codesSeen.get(0);
        assertThat(codesSeen).allSatisfy(seen -> assertThat(seen).isEqualTo(code));
        Set<Integer> own = new HashSet<>();
        code.forEach((value, c) -> {
            if (c != merchant.otherCode()) {
                assertThat(own.add(c)).as("code %d given twice", c).isTrue();
                assertThat(merchant.label(c)).isEqualTo(value);
            }
        });
        assertThat(own).hasSize(MERCHANT_LIMIT).allSatisfy(c -> assertThat(c).isBetween(0, MERCHANT_LIMIT - 1));
        assertThat(merchant.assignedCount()).isEqualTo(MERCHANT_LIMIT);

        long foldedPayments = (long) (MERCHANTS - MERCHANT_LIMIT) * PAYMENTS_PER_MERCHANT * WRITERS;
        assertThat(merchant.folded()).isEqualTo(foldedSeen.sum()).isEqualTo(foldedPayments);
        assertThat(registry.health().foldedByDimension()).containsEntry("merchant", foldedPayments);

        QueryResult r = registry.query(Query.of(payments).window(Window.day(Calendar.DAY)).groupBy("merchant"));
        assertThat(r.rows()).hasSize(MERCHANT_LIMIT + 1);
        for (Row row : r.rows()) {
            long expected = row.group().get("merchant").equals(Dimension.OTHER)
                    ? foldedPayments : (long) PAYMENTS_PER_MERCHANT * WRITERS;
            assertThat(row.value()).as(row.group().toString()).isEqualTo(new Value.Count(expected));
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static final int SERIES_LIMIT = 1_500;
    private static final int BANKS = 45;
    private static final int REGIONS = 45;
    private static final int PAYMENTS_PER_PAIR = 4;    // per writer

    @Test
    void aSparseMetricGivesEachCombinationOneSlotUnderConcurrentFirstSightAndFoldsTheRest() throws Exception {
        ManualClock clock = new ManualClock(Calendar.at(12, 30));
        MetricRegistry registry = Calendar.registry(clock);
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("Payments")
                .dimensions(Dimension.open("region", 50), Dimension.open("bank", 50))
                .seriesLimit(SERIES_LIMIT).build());
        long at = Calendar.millis(12, 0);
        List<Map<String, Integer>> slotsSeen = Collections.synchronizedList(new ArrayList<>());

        runConcurrently(t -> {
            // the first round in the same order everywhere, so writers meet at first sight
            List<String[]> pairs = new ArrayList<>();
            for (int round = 0; round < PAYMENTS_PER_PAIR; round++) {
                List<String[]> roundPairs = new ArrayList<>();
                for (int r = 0; r < REGIONS; r++) {
                    for (int b = 0; b < BANKS; b++) {
                        roundPairs.add(new String[] {"region-" + r, "bank-" + b});
                    }
                }
                if (round > 0) {
                    Collections.shuffle(roundPairs, new Random(t * 31L + round));
                }
                pairs.addAll(roundPairs);
            }
            Map<String, Integer> mine = new HashMap<>();
            for (String[] p : pairs) {
                int slot = payments.series(p[0], p[1]);
                Integer before = mine.putIfAbsent(p[0] + "/" + p[1], slot);
                check(before == null || before == slot, List.of(p) + " had slot " + before + ", then " + slot);
                payments.increment(slot, at);
            }
            slotsSeen.add(mine);
        }, () -> registry.query(Query.of(payments).window(Window.day(Calendar.DAY)).groupBy("region", "bank")));

        assertThat(violations).isEmpty();
        Map<String, Integer> slot = slotsSeen.get(0);
        assertThat(slotsSeen).allSatisfy(seen -> assertThat(seen).isEqualTo(slot));
        Set<Integer> own = new HashSet<>(slot.values());
        assertThat(own).hasSize(SERIES_LIMIT + 1).allSatisfy(s -> assertThat(s).isBetween(0, SERIES_LIMIT));
        long foldedPairs = REGIONS * BANKS - SERIES_LIMIT;
        assertThat(slot.values().stream().filter(s -> s == SERIES_LIMIT).count()).isEqualTo(foldedPairs);

        long perPair = (long) PAYMENTS_PER_PAIR * WRITERS;
        QueryResult r = registry.query(Query.of(payments).window(Window.day(Calendar.DAY)).groupBy("region", "bank"));
        assertThat(r.rows()).hasSize(SERIES_LIMIT + 1);
        for (Row row : r.rows()) {
            boolean overflow = row.group().get("region").equals(Dimension.OTHER);
            assertThat(row.value()).as(row.group().toString())
                    .isEqualTo(new Value.Count(overflow ? foldedPairs * perPair : perPair));
        }
        assertThat(registry.query(Query.of(payments).window(Window.day(Calendar.DAY))).value())
                .isEqualTo(new Value.Count(REGIONS * BANKS * perPair));
        Health h = registry.health();
        assertThat(h.foldedSeriesByMetric()).containsEntry("payments", foldedPairs * perPair);
        assertThat(h.seriesByMetric()).containsEntry("payments", SERIES_LIMIT + 1);
    }
}
