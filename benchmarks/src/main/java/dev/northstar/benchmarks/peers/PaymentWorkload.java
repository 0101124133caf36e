package dev.northstar.benchmarks.peers;

import dev.northstar.payments.Channel;
import dev.northstar.payments.FailureReason;
import dev.northstar.payments.FundingSource;
import dev.northstar.payments.MerchantCategory;
import dev.northstar.payments.PaymentEvents;
import dev.northstar.payments.PaymentsSimulator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one pre-generated workload every peer benchmark replays: {@value #SIZE} payment attempts
 * captured from the seeded {@link PaymentsSimulator} into primitive and reference arrays, so no
 * generation cost is inside a measured loop.
 *
 * <p>The simulator's day is one Asia/Shanghai day ({@link #DAY}); event times are squeezed, in
 * order, into one hour of it ({@link #liveHourStart()}), so that every event falls in the
 * registry's current bucket as it does for a live service recording as events happen. (Replays of
 * historical times take Northstar's slow bucket path and are the core suite's concern.) The
 * registry clock for Northstar stands at {@link #clockMillis()}, the last millisecond of that hour.
 *
 * <p>Inputs are what a host has at hand: the region and bank as strings, channel, funding,
 * category and failure reason as enums, amounts in minor units, latency in microseconds, payer
 * and merchant ids as longs. {@link #regionIndex} (dense 0..regions-1) is only for the raw
 * baselines, which are the physical limit and so skip the string-to-index step everyone else pays.
 */
public final class PaymentWorkload implements PaymentEvents {
    /** Events in the workload: a power of two, a multiple of {@link #BATCH}. */
    public static final int SIZE = 1 << 18;
    /** Events per benchmark invocation (one op is one event: {@code @OperationsPerInvocation(BATCH)}). */
    public static final int BATCH = 1024;
    /** The simulated day. */
    public static final LocalDate DAY = LocalDate.of(2026, 11, 16);
    /** The zone of the simulated platform. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long HOUR = 3_600_000L;

    public final long[] atMillis = new long[SIZE];
    public final long[] payer = new long[SIZE];
    public final long[] merchant = new long[SIZE];
    public final long[] amountMinor = new long[SIZE];
    public final long[] latencyMicros = new long[SIZE];
    public final String[] region = new String[SIZE];
    public final int[] regionIndex = new int[SIZE];
    public final String[] bank = new String[SIZE];
    public final Channel[] channel = new Channel[SIZE];
    public final FundingSource[] funding = new FundingSource[SIZE];
    public final MerchantCategory[] category = new MerchantCategory[SIZE];
    public final boolean[] crossBorder = new boolean[SIZE];
    public final boolean[] firstPayment = new boolean[SIZE];
    /** Null on success. */
    public final FailureReason[] failure = new FailureReason[SIZE];
    /** True on success (failure is null). */
    public final boolean[] success = new boolean[SIZE];
    /** Regions in order of first sight; {@code regions.get(regionIndex[i]) == region[i]}. */
    public final List<String> regions = new ArrayList<>();

    private final Map<String, Integer> regionIndexes = new LinkedHashMap<>();
    private final long dayStart = DAY.atStartOfDay(ZONE).toInstant().toEpochMilli();
    private final long dayLength = DAY.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli() - dayStart;
    private int size;

    private static volatile PaymentWorkload shared;

    private PaymentWorkload() {
    }

    /** The workload, generated once per JVM (seed 42, about a second). */
    public static PaymentWorkload shared() {
        PaymentWorkload w = shared;
        if (w == null) {
            synchronized (PaymentWorkload.class) {
                w = shared;
                if (w == null) {
                    w = new PaymentWorkload();
                    new PaymentsSimulator(PaymentsSimulator.Config.defaults(42).withDays(DAY, 1)
                            .withPaymentsPerDay(300_000)).run(w, 1);
                    if (w.size < SIZE) {
                        throw new IllegalStateException("simulator produced only " + w.size + " payments");
                    }
                    shared = w;
                }
            }
        }
        return w;
    }

    /** Start of the hour every event time is squeezed into, epoch milliseconds (12:00 local). */
    public long liveHourStart() {
        return dayStart + 12 * HOUR;
    }

    /** Where Northstar's fixed clock stands: the last millisecond of the live hour. */
    public Instant clockMillis() {
        return Instant.ofEpochMilli(liveHourStart() + HOUR - 1);
    }

    @Override
    public void payment(long at, long payerId, long merchantId, String reg, String bnk, Channel ch,
                        FundingSource fund, MerchantCategory cat, boolean cross, boolean first,
                        FailureReason why, long amount, long latency) {
        int i = size;
        if (i == SIZE) {
            return;
        }
        size = i + 1;
        atMillis[i] = liveHourStart() + (at - dayStart) * HOUR / dayLength;
        payer[i] = payerId;
        merchant[i] = merchantId;
        amountMinor[i] = amount;
        latencyMicros[i] = latency;
        region[i] = reg;
        Integer idx = regionIndexes.get(reg);
        if (idx == null) {
            idx = regions.size();
            regions.add(reg);
            regionIndexes.put(reg, idx);
        }
        regionIndex[i] = idx;
        bank[i] = bnk;
        channel[i] = ch;
        funding[i] = fund;
        category[i] = cat;
        crossBorder[i] = cross;
        firstPayment[i] = first;
        failure[i] = why;
        success[i] = why == null;
    }

    @Override public void accountOpened(long atMillis, long userId, String region) { }
    @Override public void cardLink(long atMillis, String region, String bank, boolean linked) { }
    @Override public void topUp(long atMillis, String region, String bank, FundingSource funding, long amountMinor) { }
    @Override public void refund(long atMillis, String region, Channel channel, MerchantCategory category,
                                 long amountMinor) { }
    @Override public void dispute(long atMillis, String region, Channel channel, MerchantCategory category) { }
    @Override public void fraudReported(long atMillis, String region, Channel channel, long lossMinor) { }
    @Override public void merchantOnboarded(long atMillis, String region, MerchantCategory category) { }
    @Override public void p2pTransfer(long atMillis, String region, long amountMinor) { }
    @Override public void redPacketSent(long atMillis, String region, long amountMinor) { }
    @Override public void redPacketOpened(long atMillis, String region) { }
    @Override public void feeRevenue(long atMillis, String region, Channel channel, MerchantCategory category,
                                     long feeMinor) { }
}
