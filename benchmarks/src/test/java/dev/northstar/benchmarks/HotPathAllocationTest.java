package dev.northstar.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.benchmarks.Payments.Channel;
import dev.northstar.benchmarks.Payments.Funding;
import dev.northstar.benchmarks.Payments.Outcome;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.registry.AdditiveMetric;
import dev.northstar.metrics.registry.Bucket;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.FunnelMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.RetentionMetric;
import dev.northstar.metrics.registry.SumMetric;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build's allocation budget for the hot paths (DESIGN.md, "Hot-path rules": recording
 * allocates nothing after warm-up). Each path records {@value #RECORDS} pre-generated events on
 * the test thread, and the thread's allocated-bytes counter must not move by more than
 * {@value #SLACK_BYTES} bytes.
 *
 * <h2>Why a slack, and why a few rounds</h2>
 * An allocation on the hot path costs at least 16 bytes per record, so a leak shows up as 16 MB
 * or more over a round; the kilobyte of slack is four orders of magnitude below that. It absorbs
 * what is not the path's doing: the counter itself is read at TLAB-refill granularity on some
 * JVMs, and a JIT deoptimization in the middle of a round re-materializes the objects escape
 * analysis had removed. Several of the paths are allocation-free only once C2 has compiled them
 * (DataSketches' {@code update(long)} boxes the id into a {@code long[1]} that escape analysis
 * removes), so a path gets up to {@value #ROUNDS} rounds to reach a clean one; a path that
 * allocates per record never does. A round during which the registry's current bucket changed
 * (an hour boundary) does not count: creating the new bucket's cells allocates, once per bucket.
 */
class HotPathAllocationTest {
    static final int RECORDS = 1_000_000;
    static final long SLACK_BYTES = 1024;
    static final int ROUNDS = 8;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static MetricRegistry registry;
    private static CountMetric payments;
    private static CountMetric attempts;
    private static SumMetric tpv;
    private static RatioMetric successRate;
    private static DistributionMetric latency;
    private static DistinctMetric payers;
    private static DistinctMetric payersTheta;
    private static GaugeMetric balance;
    private static FunnelMetric activation;
    private static RetentionMetric retention;

    private static Channel[] channels;
    private static Funding[] fundings;
    private static Outcome[] outcomes;
    private static long[] amounts;
    private static long[] latencies;
    private static long[] ids;
    private static boolean[] successes;
    private static String[] textIds;

    @BeforeAll
    static void registerEveryKind() {
        registry = MetricRegistry.builder().build(); // the default coarse clock
        payments = registry.register(MetricDefinition.count("payments").description("Payments")
                .dimensions(Payments.CHANNEL).build());
        attempts = registry.register(MetricDefinition.count("attempts").description("Attempts")
                .dimensions(Payments.CHANNEL, Payments.FUNDING, Payments.OUTCOME).build());
        tpv = registry.register(MetricDefinition.sum("tpv").money("CNY").description("TPV")
                .dimensions(Payments.CHANNEL).build());
        successRate = registry.register(MetricDefinition.ratio("success_rate").description("Success rate")
                .dimensions(Payments.CHANNEL).build());
        latency = registry.register(MetricDefinition.distribution("latency").unit(Unit.MICROSECONDS)
                .description("Latency").dimensions(Payments.CHANNEL).build());
        payers = registry.register(MetricDefinition.distinct("payers").description("Active payers").build());
        payersTheta = registry.register(MetricDefinition.distinct("payers_theta").setOperations()
                .description("Active payers, for set operations").build());
        balance = registry.register(MetricDefinition.gauge("balance").description("Wallet balance")
                .dimensions(Payments.CHANNEL).build());
        activation = registry.register(MetricDefinition.funnel("activation", "card_linked", "first_payment",
                "second_payment").description("Activation").build());
        retention = registry.register(MetricDefinition.retention("payer_retention")
                .description("Payer retention").build());

        SplittableRandom random = new SplittableRandom(11);
        channels = Payments.cycle(Channel.class, random);
        fundings = Payments.cycle(Funding.class, random);
        outcomes = Payments.cycle(Outcome.class, random);
        amounts = Payments.amountsMinor(random);
        latencies = Payments.latenciesMicros(random);
        ids = Payments.payerIds(random, 1_000_000);
        successes = Payments.successes(random);
        textIds = new String[Payments.INPUTS];
        for (int i = 0; i < textIds.length; i++) {
            textIds[i] = "payer-" + ids[i];
        }
    }

    @Test
    void boundCountRecordsWithoutAllocating() {
        AdditiveMetric.Series qr = payments.bind(Channel.QR_SCAN);
        assertAllocationFree("bound count", () -> {
            for (int i = 0; i < RECORDS; i++) {
                qr.increment();
            }
        });
    }

    @Test
    void countAtAnEventTimeRecordsWithoutAllocating() {
        int s = payments.series(Channel.IN_APP);
        assertAllocationFree("count at event time", () -> {
            long now = registry.clock().millis();
            for (int i = 0; i < RECORDS; i++) {
                payments.increment(s, now);
            }
        });
    }

    @Test
    void countResolvingThreeEnumDimensionsPerCallRecordsWithoutAllocating() {
        assertAllocationFree("per-call enum count", () -> {
            for (int i = 0; i < RECORDS; i++) {
                int k = i & Payments.MASK;
                attempts.increment(attempts.series(channels[k], fundings[k], outcomes[k]));
            }
        });
    }

    @Test
    void countInABucketResolvedOnceRecordsWithoutAllocating() {
        int s = payments.series(Channel.WEB);
        assertAllocationFree("count in a resolved bucket", () -> {
            Bucket b = registry.bucketNow();
            for (int i = 0; i < RECORDS; i++) {
                payments.increment(b, s);
            }
        });
    }

    @Test
    void sumRecordsWithoutAllocating() {
        int s = tpv.series(Channel.QR_SCAN);
        assertAllocationFree("sum", () -> {
            for (int i = 0; i < RECORDS; i++) {
                tpv.add(s, amounts[i & Payments.MASK]);
            }
        });
    }

    @Test
    void ratioRecordsWithoutAllocating() {
        int s = successRate.series(Channel.QR_SCAN);
        assertAllocationFree("ratio", () -> {
            for (int i = 0; i < RECORDS; i++) {
                successRate.record(s, successes[i & Payments.MASK]);
            }
        });
    }

    @Test
    void ratioOfAmountsRecordsWithoutAllocating() {
        int s = successRate.series(Channel.IN_APP);
        assertAllocationFree("ratio of amounts", () -> {
            for (int i = 0; i < RECORDS; i++) {
                long a = amounts[i & Payments.MASK];
                successRate.record(s, a >> 1, a);
            }
        });
    }

    @Test
    void distributionRecordsWithoutAllocating() {
        int s = latency.series(Channel.QR_SCAN);
        assertAllocationFree("distribution", () -> {
            for (int i = 0; i < RECORDS; i++) {
                latency.record(s, latencies[i & Payments.MASK]);
            }
        });
    }

    @Test
    void distinctHllWithRepeatedIdsRecordsWithoutAllocating() {
        int s = payers.series();
        assertAllocationFree("distinct (HLL)", () -> {
            for (int i = 0; i < RECORDS; i++) {
                payers.add(s, ids[i & Payments.MASK]);
            }
        });
    }

    @Test
    void distinctHllWithRepeatedTextualIdsRecordsWithoutAllocating() {
        int s = payers.series();
        assertAllocationFree("distinct (HLL), textual ids", () -> {
            for (int i = 0; i < RECORDS; i++) {
                payers.add(s, textIds[i & Payments.MASK]);
            }
        });
    }

    @Test
    void distinctThetaWithRepeatedIdsRecordsWithoutAllocating() {
        int s = payersTheta.series();
        assertAllocationFree("distinct (Theta)", () -> {
            for (int i = 0; i < RECORDS; i++) {
                payersTheta.add(s, ids[i & Payments.MASK]);
            }
        });
    }

    @Test
    void gaugeRecordsWithoutAllocating() {
        int s = balance.series(Channel.QR_SCAN);
        assertAllocationFree("gauge", () -> {
            for (int i = 0; i < RECORDS; i++) {
                balance.set(s, amounts[i & Payments.MASK]);
            }
        });
    }

    @Test
    void funnelStepWithRepeatedIdsRecordsWithoutAllocating() {
        int s = activation.series();
        assertAllocationFree("funnel", () -> {
            for (int i = 0; i < RECORDS; i++) {
                activation.step(s, i % 3, ids[i & Payments.MASK]);
            }
        });
    }

    @Test
    void retentionWithRepeatedIdsRecordsWithoutAllocating() {
        int s = retention.series();
        assertAllocationFree("retention", () -> {
            for (int i = 0; i < RECORDS; i++) {
                long id = ids[i & Payments.MASK];
                if ((i & 7) == 0) {
                    retention.cohort(s, id);
                }
                retention.active(s, id);
            }
        });
    }

    /** Runs {@code records} until a round in one bucket allocates at most the slack. */
    private static void assertAllocationFree(String path, Runnable records) {
        List<Long> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Bucket before = registry.bucketNow();
            long start = THREADS.getCurrentThreadAllocatedBytes();
            records.run();
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - start;
            if (registry.bucketNow() != before) {
                continue; // the bucket rolled over: its new cells are a legitimate allocation
            }
            rounds.add(allocated);
            if (allocated <= SLACK_BYTES) {
                return;
            }
        }
        assertThat(rounds.stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE))
                .as("bytes allocated by %,d records of %s (per round: %s)", RECORDS, path, rounds)
                .isLessThanOrEqualTo(SLACK_BYTES);
    }
}
