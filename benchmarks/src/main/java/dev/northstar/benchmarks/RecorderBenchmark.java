package dev.northstar.benchmarks;

import dev.northstar.content.AccountType;
import dev.northstar.content.ContentCatalog;
import dev.northstar.content.ContentCategory;
import dev.northstar.content.ContentRecorder;
import dev.northstar.content.TrafficSource;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.payments.Channel;
import dev.northstar.payments.FailureReason;
import dev.northstar.payments.FundingSource;
import dev.northstar.payments.MerchantCategory;
import dev.northstar.payments.PaymentsCatalog;
import dev.northstar.payments.PaymentsRecorder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One business event through a domain recorder with its full catalog: a payment attempt through
 * {@link PaymentsRecorder#payment} (every payments metric it feeds, distinct payers and merchants
 * included) and an article read through {@link ContentRecorder#read}. Inputs are pre-generated
 * (8,192 events cycled), with event times inside the registry's current hour, so the measured
 * loop is recording only. Run single-threaded and with {@code -t 2}, with {@code -prof gc}.
 *
 * <p>Targets (issues 4 and 5): under 100 ns/event, 0 B/op, 2-thread throughput at least 1.6 ×
 * single-thread. Results on the machine described in {@code benchmarks/README.md}:
 * <!-- results:begin -->
 * <!-- results:end -->
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecorderBenchmark {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-15T04:59:59Z");
    static final int EVENTS = 8192;
    static final String[] REGIONS = {"east", "north", "south", "central", "southwest", "northwest", "northeast"};
    static final String[] BANKS = {"ICBC", "CCB", "ABC", "BOC", "BOCOM", "CMB", "PSBC", "CIB"};

    /** A payments registry and pre-generated payment attempts. */
    @State(Scope.Benchmark)
    public static class Payments {
        PaymentsRecorder recorder;
        long[] at = new long[EVENTS];
        long[] payer = new long[EVENTS];
        long[] merchant = new long[EVENTS];
        String[] region = new String[EVENTS];
        String[] bank = new String[EVENTS];
        Channel[] channel = new Channel[EVENTS];
        FundingSource[] funding = new FundingSource[EVENTS];
        MerchantCategory[] category = new MerchantCategory[EVENTS];
        FailureReason[] failure = new FailureReason[EVENTS];
        long[] amount = new long[EVENTS];
        long[] latency = new long[EVENTS];

        @Setup(Level.Trial)
        public void setUp() {
            MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).build();
            recorder = PaymentsCatalog.create("CNY").register(registry);
            SplittableRandom rnd = new SplittableRandom(1);
            long hourStart = NOW.toEpochMilli() - 3_599_000L;
            for (int i = 0; i < EVENTS; i++) {
                at[i] = hourStart + rnd.nextLong(3_599_000L);
                payer[i] = rnd.nextLong(100_000);
                merchant[i] = rnd.nextLong(5_000);
                region[i] = REGIONS[rnd.nextInt(REGIONS.length)];
                bank[i] = BANKS[rnd.nextInt(BANKS.length)];
                channel[i] = Channel.values()[rnd.nextInt(4)];
                funding[i] = FundingSource.values()[rnd.nextInt(4)];
                category[i] = MerchantCategory.values()[rnd.nextInt(MerchantCategory.values().length)];
                failure[i] = rnd.nextDouble() < 0.03 ? FailureReason.values()[rnd.nextInt(6)] : null;
                amount[i] = 100 + rnd.nextLong(50_000);
                latency[i] = 50_000 + rnd.nextLong(400_000);
            }
        }
    }

    /** A content registry and pre-generated reads. */
    @State(Scope.Benchmark)
    public static class Content {
        ContentRecorder recorder;
        long[] at = new long[EVENTS];
        long[] reader = new long[EVENTS];
        String[] account = new String[EVENTS];
        AccountType[] type = new AccountType[EVENTS];
        ContentCategory[] category = new ContentCategory[EVENTS];
        TrafficSource[] source = new TrafficSource[EVENTS];
        long[] readTime = new long[EVENTS];
        boolean[] toEnd = new boolean[EVENTS];

        @Setup(Level.Trial)
        public void setUp() {
            MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).build();
            recorder = ContentCatalog.create("CNY").register(registry);
            SplittableRandom rnd = new SplittableRandom(2);
            long hourStart = NOW.toEpochMilli() - 3_599_000L;
            for (int i = 0; i < EVENTS; i++) {
                at[i] = hourStart + rnd.nextLong(3_599_000L);
                reader[i] = rnd.nextLong(200_000);
                account[i] = "acct-" + rnd.nextInt(500);
                type[i] = AccountType.values()[rnd.nextInt(AccountType.values().length)];
                category[i] = ContentCategory.values()[rnd.nextInt(ContentCategory.values().length)];
                source[i] = TrafficSource.values()[rnd.nextInt(TrafficSource.values().length)];
                readTime[i] = 1_000 + rnd.nextLong(300_000);
                toEnd[i] = rnd.nextBoolean();
            }
        }
    }

    /** Each thread walks the events from its own offset. */
    @State(Scope.Thread)
    public static class Cursor {
        int i = (int) (Thread.currentThread().getId() * 977) & (EVENTS - 1);

        int next() {
            i = (i + 1) & (EVENTS - 1);
            return i;
        }
    }

    @Benchmark
    public void paymentEventFullCatalog(Payments p, Cursor c) {
        int i = c.next();
        p.recorder.payment(p.at[i], p.payer[i], p.merchant[i], p.region[i], p.bank[i], p.channel[i], p.funding[i],
                p.category[i], false, false, p.failure[i], p.amount[i], p.latency[i]);
    }

    @Benchmark
    public void contentReadEventFullCatalog(Content s, Cursor c) {
        int i = c.next();
        s.recorder.read(s.at[i], s.reader[i], s.account[i], s.type[i], s.category[i], s.source[i], s.readTime[i],
                s.toEnd[i]);
    }
}
