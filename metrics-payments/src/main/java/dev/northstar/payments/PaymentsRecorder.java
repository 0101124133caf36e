package dev.northstar.payments;

import dev.northstar.metrics.registry.Bucket;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.FunnelMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.SumMetric;

/**
 * One method per business event of the payment flow; each call updates every catalog metric the
 * event feeds, resolving the time bucket and the dimension codes once per event, and allocates
 * nothing.
 *
 * <pre>{@code
 * PaymentsRecorder payments = PaymentsCatalog.create("CNY").register(registry);
 * payments.payment(event.epochMillis(), payerId, merchantId, "east", "ICBC", Channel.QR_SCAN,
 *         FundingSource.DEBIT_CARD, MerchantCategory.FOOD_AND_DRINK, false, false,
 *         null, 32_00, 180_000);          // success (no failure reason), 32.00 CNY, 180 ms
 * }</pre>
 *
 * <p>Times are epoch milliseconds, amounts minor units of the catalog's currency, latency
 * microseconds. Ids (payer, merchant) are hashed into sketches and never kept. Bad input follows
 * the registry's mode: a refused time or amount is counted in {@code registry.health()} and the
 * event's other metrics are still recorded where they are valid.
 */
public final class PaymentsRecorder implements PaymentEvents {
    private final MetricRegistry registry;
    private final PaymentsCatalog c;
    private final CountMetric attempts;
    private final RatioMetric successRate;
    private final RatioMetric successRateByValue;
    private final CountMetric transactions;
    private final SumMetric gmv;
    private final CountMetric refunds;
    private final SumMetric refundAmount;
    private final DistinctMetric activePayers;
    private final CountMetric newPayers;
    private final FunnelMetric activation;
    private final CountMetric accountsOpened;
    private final RatioMetric cardLinkRate;
    private final SumMetric topUps;
    private final DistinctMetric activeMerchants;
    private final CountMetric merchantsOnboarded;
    private final SumMetric feeRevenue;
    private final CountMetric disputes;
    private final SumMetric fraudLoss;
    private final DistributionMetric latency;
    private final CountMetric failures;
    private final SumMetric p2pVolume;
    private final CountMetric redPacketsSent;
    private final CountMetric redPacketsOpened;
    private final SumMetric crossBorderGmv;

    PaymentsRecorder(PaymentsCatalog catalog, MetricRegistry registry) {
        this.registry = registry;
        this.c = catalog;
        attempts = registry.register(catalog.attempts);
        successRate = registry.register(catalog.successRate);
        successRateByValue = registry.register(catalog.successRateByValue);
        transactions = registry.register(catalog.transactions);
        gmv = registry.register(catalog.gmv);
        refunds = registry.register(catalog.refunds);
        refundAmount = registry.register(catalog.refundAmount);
        activePayers = registry.register(catalog.activePayers);
        newPayers = registry.register(catalog.newPayers);
        activation = registry.register(catalog.activation);
        accountsOpened = registry.register(catalog.accountsOpened);
        cardLinkRate = registry.register(catalog.cardLinkRate);
        topUps = registry.register(catalog.topUps);
        activeMerchants = registry.register(catalog.activeMerchants);
        merchantsOnboarded = registry.register(catalog.merchantsOnboarded);
        feeRevenue = registry.register(catalog.feeRevenue);
        disputes = registry.register(catalog.disputes);
        fraudLoss = registry.register(catalog.fraudLoss);
        latency = registry.register(catalog.latency);
        failures = registry.register(catalog.failures);
        p2pVolume = registry.register(catalog.p2pVolume);
        redPacketsSent = registry.register(catalog.redPacketsSent);
        redPacketsOpened = registry.register(catalog.redPacketsOpened);
        crossBorderGmv = registry.register(catalog.crossBorderGmv);
    }

    /** The catalog this recorder feeds. */
    public PaymentsCatalog catalog() {
        return c;
    }

    /** The registry this recorder feeds. */
    public MetricRegistry registry() {
        return registry;
    }

    /**
     * A payment attempt and its result: attempts, success rate (count and value), latency, and on
     * success transactions, GMV, active payers and merchants, new payers and activation, and
     * cross-border GMV; on failure the failure count by reason.
     *
     * @param atMillis      event time, epoch milliseconds
     * @param payerId       the payer (hashed, never kept)
     * @param merchantId    the merchant (hashed, never kept)
     * @param region        the payer's region (open dimension)
     * @param bank          the issuing bank, or null for wallet balance (recorded as unknown)
     * @param channel       how it was paid
     * @param funding       what funded it
     * @param category      the merchant's category
     * @param crossBorder   whether merchant or card is foreign
     * @param firstPayment  whether this is the payer's first ever successful payment
     * @param failure       why it failed, or null if it succeeded
     * @param amountMinor   amount in minor units, non-negative
     * @param latencyMicros confirmation-to-result latency in microseconds, or -1 when unknown
     *                      (a replayed log without timings): latency is then not recorded
     */
    @Override
    public void payment(long atMillis, long payerId, long merchantId, String region, String bank, Channel channel,
                        FundingSource funding, MerchantCategory category, boolean crossBorder, boolean firstPayment,
                        FailureReason failure, long amountMinor, long latencyMicros) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        int r = c.region.code(region);
        int k = c.bank.code(bank);
        int ch = c.channel.code(channel);
        int f = c.funding.code(funding);
        int cat = c.category.code(category);
        boolean ok = failure == null;
        int attempt = attempts.seriesOfCodes(r, k, ch, f); // the success rate numbers its series as attempts
        attempts.increment(b, attempt);
        successRate.record(b, attempt, ok);
        int byChannel = successRateByValue.seriesOfCodes(r, ch); // latency and new payers number theirs alike
        successRateByValue.record(b, byChannel, ok ? amountMinor : 0, amountMinor);
        if (latencyMicros >= 0) {
            latency.record(b, byChannel, latencyMicros);
        }
        if (!ok) {
            failures.increment(b, failures.seriesOfCodes(r, k, c.reason.code(failure)));
            return;
        }
        int byCategory = transactions.seriesOfCodes(r, ch, cat); // and GMV and cross-border GMV
        transactions.increment(b, byCategory);
        gmv.add(b, byCategory, amountMinor);
        int byRegion = activePayers.seriesOfCodes(r); // and active merchants
        activePayers.add(b, byRegion, payerId);
        activeMerchants.add(b, byRegion, merchantId);
        if (crossBorder) {
            crossBorderGmv.add(b, byCategory, amountMinor);
        }
        if (firstPayment) {
            newPayers.increment(b, byChannel);
            activation.step(b, activation.seriesOfCodes(r), 1, payerId);
        }
    }

    /** A wallet account opened: accounts opened, first step of activation. */
    @Override
    public void accountOpened(long atMillis, long userId, String region) {
        Bucket b = registry.bucketAt(atMillis);
        int r = c.region.code(region);
        accountsOpened.increment(b, accountsOpened.seriesOfCodes(r));
        activation.step(b, activation.seriesOfCodes(r), 0, userId);
    }

    /** A card link attempt and whether it succeeded: card-link success rate. */
    @Override
    public void cardLink(long atMillis, String region, String bank, boolean linked) {
        Bucket b = registry.bucketAt(atMillis);
        cardLinkRate.record(b, cardLinkRate.seriesOfCodes(c.region.code(region), c.bank.code(bank)), linked);
    }

    /** A wallet top-up from a bank account or card, minor units. */
    @Override
    public void topUp(long atMillis, String region, String bank, FundingSource funding, long amountMinor) {
        Bucket b = registry.bucketAt(atMillis);
        topUps.add(b, topUps.seriesOfCodes(c.region.code(region), c.bank.code(bank), c.funding.code(funding)),
                amountMinor);
    }

    /** A refund of an earlier successful payment: refund count and amount. */
    @Override
    public void refund(long atMillis, String region, Channel channel, MerchantCategory category, long amountMinor) {
        Bucket b = registry.bucketAt(atMillis);
        int r = c.region.code(region);
        int ch = c.channel.code(channel);
        int cat = c.category.code(category);
        refunds.increment(b, refunds.seriesOfCodes(r, ch, cat));
        refundAmount.add(b, refundAmount.seriesOfCodes(r, ch, cat), amountMinor);
    }

    /** A dispute or chargeback raised against a payment. */
    @Override
    public void dispute(long atMillis, String region, Channel channel, MerchantCategory category) {
        Bucket b = registry.bucketAt(atMillis);
        disputes.increment(b, disputes.seriesOfCodes(c.region.code(region), c.channel.code(channel),
                c.category.code(category)));
    }

    /** A payment reported as fraud, with the loss in minor units. */
    @Override
    public void fraudReported(long atMillis, String region, Channel channel, long lossMinor) {
        Bucket b = registry.bucketAt(atMillis);
        fraudLoss.add(b, fraudLoss.seriesOfCodes(c.region.code(region), c.channel.code(channel)), lossMinor);
    }

    /** A merchant onboarded. */
    @Override
    public void merchantOnboarded(long atMillis, String region, MerchantCategory category) {
        Bucket b = registry.bucketAt(atMillis);
        merchantsOnboarded.increment(b, merchantsOnboarded.seriesOfCodes(c.region.code(region),
                c.category.code(category)));
    }

    /** A person-to-person transfer, minor units. */
    @Override
    public void p2pTransfer(long atMillis, String region, long amountMinor) {
        Bucket b = registry.bucketAt(atMillis);
        p2pVolume.add(b, p2pVolume.seriesOfCodes(c.region.code(region)), amountMinor);
    }

    /** A red packet sent, minor units (its value also counts as P2P volume). */
    @Override
    public void redPacketSent(long atMillis, String region, long amountMinor) {
        Bucket b = registry.bucketAt(atMillis);
        int r = c.region.code(region);
        redPacketsSent.increment(b, redPacketsSent.seriesOfCodes(r));
        p2pVolume.add(b, p2pVolume.seriesOfCodes(r), amountMinor);
    }

    /** A red packet opened by its receiver. */
    @Override
    public void redPacketOpened(long atMillis, String region) {
        Bucket b = registry.bucketAt(atMillis);
        redPacketsOpened.increment(b, redPacketsOpened.seriesOfCodes(c.region.code(region)));
    }

    /** Fee revenue earned on a payment, minor units. */
    @Override
    public void feeRevenue(long atMillis, String region, Channel channel, MerchantCategory category, long feeMinor) {
        Bucket b = registry.bucketAt(atMillis);
        feeRevenue.add(b, feeRevenue.seriesOfCodes(c.region.code(region), c.channel.code(channel),
                c.category.code(category)), feeMinor);
    }
}
