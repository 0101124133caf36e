package dev.northstar.payments;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DerivedMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.FunnelMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.SumMetric;
import java.util.List;

/**
 * The success metrics of a mobile payment platform, with industry-standard meanings: the
 * dimensions that slice them and one definition per metric, each documented with its formula,
 * unit, direction and source.
 *
 * <pre>{@code
 * PaymentsCatalog catalog = PaymentsCatalog.create("CNY");
 * PaymentsRecorder recorder = catalog.register(registry);
 * recorder.payment(at, payer, merchant, "east", "ICBC", Channel.QR_SCAN, FundingSource.DEBIT_CARD,
 *         MerchantCategory.FOOD_AND_DRINK, false, false, null, 32_00, 180_000);
 * }</pre>
 *
 * <p>Money is in minor units of the catalog's currency (fen for CNY); latency in microseconds.
 * Each catalog owns its open dimensions (region, bank), so use one catalog per registry. Hosts
 * add their own metrics to the same registry next to these.
 */
public final class PaymentsCatalog {
    /** Users: convenient, secure, fast payments. */
    public static final String USERS = "users";
    /** Merchants: sales at low cost. */
    public static final String MERCHANTS = "merchants";
    /** The platform: engagement and revenue. */
    public static final String PLATFORM = "platform";
    /** Banks: the processing partners. */
    public static final String BANKS = "banks";
    /** Regulators: compliance and fraud. */
    public static final String REGULATORS = "regulators";

    /** Regions, open: codes on first sight, 64 at most. */
    public final OpenDimension region = Dimension.open("region", 64);
    /** Issuing banks, open: 128 at most. */
    public final OpenDimension bank = Dimension.open("bank", 128);
    /** Payment channel. */
    public final EnumDimension<Channel> channel = Dimension.of("channel", Channel.class);
    /** Funding source. */
    public final EnumDimension<FundingSource> funding = Dimension.of("funding_source", FundingSource.class);
    /** Merchant category. */
    public final EnumDimension<MerchantCategory> category = Dimension.of("merchant_category", MerchantCategory.class);
    /** Failure reason. */
    public final EnumDimension<FailureReason> reason = Dimension.of("failure_reason", FailureReason.class);

    /**
     * Payment attempts. Count of every attempt, successful or not. Unit events; higher is better.
     * Sliced by region, bank, channel and funding source, the success rate's dimensions, so the
     * success rate numbers its series as attempts and a payment resolves one series for both
     * (payment event 96 → 94 ns with one thread, 101 → 95 with two, RecorderBenchmark A/B). The
     * two share the default limit of 10,000 series, as the success rate alone had it: a
     * deployment with more region × bank × channel × funding combinations in use folds the rest
     * into {@code (other)} for both (counted in the registry's health); failures, by region, bank
     * and reason, fold separately.
     */
    public final MetricDefinition<CountMetric> attempts;
    /**
     * Payment success rate by count: successful attempts / attempts. Unit ratio; higher is better.
     * The authorization or acceptance rate of card and wallet processors.
     */
    public final MetricDefinition<RatioMetric> successRate;
    /** Payment success rate by value: amount of successful attempts / amount attempted. */
    public final MetricDefinition<RatioMetric> successRateByValue;
    /** Transactions: successful payments (count). Unit events; higher is better. */
    public final MetricDefinition<CountMetric> transactions;
    /**
     * GMV: gross value of successful payments before refunds, minor units; higher is better.
     * Gross merchandise value as e-commerce and payment platforms report it.
     */
    public final MetricDefinition<SumMetric> gmv;
    /** Refunds (count) of earlier successful payments. Lower is better. */
    public final MetricDefinition<CountMetric> refunds;
    /** Refunded amount, minor units. Lower is better. */
    public final MetricDefinition<SumMetric> refundAmount;
    /**
     * TPV: total payment volume = GMV − refunded amount, minor units; higher is better. Value of
     * successful payments net of refunds, the volume measure payment companies report (e.g.
     * PayPal's "total payment volume").
     */
    public final MetricDefinition<DerivedMetric> tpv;
    /** Active payers: distinct payers with at least one successful payment in the window (HLL). */
    public final MetricDefinition<DistinctMetric> activePayers;
    /** Transactions per active payer = transactions / active payers. Higher is better. */
    public final MetricDefinition<DerivedMetric> transactionsPerPayer;
    /** Average ticket = TPV / transactions, minor units. Neutral. */
    public final MetricDefinition<DerivedMetric> averageTicket;
    /** New payers: payers whose first ever successful payment falls in the window. */
    public final MetricDefinition<CountMetric> newPayers;
    /**
     * Activation: accounts opened in the window that made a first payment in the window (funnel
     * account_opened → first_payment; query it over 7-day windows for "within 7 days").
     */
    public final MetricDefinition<FunnelMetric> activation;
    /** Accounts opened. */
    public final MetricDefinition<CountMetric> accountsOpened;
    /** Card-link success rate = cards linked / link attempts. Higher is better. */
    public final MetricDefinition<RatioMetric> cardLinkRate;
    /** Wallet top-ups, minor units. */
    public final MetricDefinition<SumMetric> topUps;
    /** Active merchants: distinct merchants receiving at least one successful payment (HLL). */
    public final MetricDefinition<DistinctMetric> activeMerchants;
    /** Merchants onboarded. */
    public final MetricDefinition<CountMetric> merchantsOnboarded;
    /** Fee revenue, minor units: merchant discount and other fees earned. */
    public final MetricDefinition<SumMetric> feeRevenue;
    /** Take rate = fee revenue / TPV × 10,000, basis points (as Adyen and PayPal report it). */
    public final MetricDefinition<DerivedMetric> takeRate;
    /** Refund rate = refunds / transactions. Lower is better. */
    public final MetricDefinition<DerivedMetric> refundRate;
    /** Disputes and chargebacks (count). Lower is better. */
    public final MetricDefinition<CountMetric> disputes;
    /**
     * Dispute rate = disputes / transactions. Lower is better. Card schemes warn merchants at
     * 0.65% (Visa's dispute monitoring early-warning level), the default guardrail.
     */
    public final MetricDefinition<DerivedMetric> disputeRate;
    /** Fraud loss, minor units, of reported fraudulent payments. Lower is better. */
    public final MetricDefinition<SumMetric> fraudLoss;
    /** Fraud loss in basis points of TPV = fraud loss / TPV × 10,000 (the industry's loss rate). */
    public final MetricDefinition<DerivedMetric> fraudLossBps;
    /**
     * Authorization latency of payment attempts, microseconds. Its headline value is the p99, the
     * tail users feel and processors commit to; queries report p50/p90/p95/p99.
     */
    public final MetricDefinition<DistributionMetric> latency;
    /** Failed payment attempts by reason. */
    public final MetricDefinition<CountMetric> failures;
    /** Failure rate = failed attempts / attempts; filter failures by reason for a reason's rate. */
    public final MetricDefinition<DerivedMetric> failureRate;
    /** P2P transfer volume, minor units. */
    public final MetricDefinition<SumMetric> p2pVolume;
    /** Red packets sent (count). */
    public final MetricDefinition<CountMetric> redPacketsSent;
    /** Red packets opened (count). */
    public final MetricDefinition<CountMetric> redPacketsOpened;
    /** Red packet open rate = opened / sent. */
    public final MetricDefinition<DerivedMetric> redPacketOpenRate;
    /** Cross-border GMV: successful payments with a foreign merchant or card, minor units. */
    public final MetricDefinition<SumMetric> crossBorderGmv;
    /** Cross-border share = cross-border GMV / GMV. Neutral. */
    public final MetricDefinition<DerivedMetric> crossBorderShare;

    private final String currency;

    private PaymentsCatalog(String currency) {
        this.currency = currency;
        attempts = MetricDefinition.count("payment_attempts")
                .description("Payment attempts, successful or not")
                .stakeholders(USERS, MERCHANTS, PLATFORM, BANKS).dimensions(region, bank, channel, funding).build();
        successRate = MetricDefinition.ratio("payment_success_rate")
                .description("Successful payment attempts / payment attempts")
                .stakeholders(USERS, MERCHANTS, BANKS).seriesOf(attempts).build();
        successRateByValue = MetricDefinition.ratio("payment_success_rate_by_value")
                .description("Amount of successful attempts / amount attempted").maxValue(Long.MAX_VALUE / 2)
                .stakeholders(MERCHANTS, PLATFORM).dimensions(region, channel).build();
        transactions = MetricDefinition.count("transactions")
                .description("Successful payments")
                .stakeholders(MERCHANTS, PLATFORM).dimensions(region, channel, category).build();
        gmv = MetricDefinition.sum("gmv").money(currency)
                .description("Gross value of successful payments before refunds")
                .stakeholders(MERCHANTS, PLATFORM).seriesOf(transactions).build();
        refunds = MetricDefinition.count("refunds").direction(Direction.LOWER_IS_BETTER)
                .description("Refunds of successful payments")
                .stakeholders(USERS, MERCHANTS).dimensions(region, channel, category).build();
        refundAmount = MetricDefinition.sum("refund_amount").money(currency).direction(Direction.LOWER_IS_BETTER)
                .description("Refunded amount")
                .stakeholders(USERS, MERCHANTS).dimensions(region, channel, category).build();
        tpv = MetricDefinition.derived("tpv", Formula.difference(Formula.ref("gmv"), Formula.ref("refund_amount")))
                .money(currency).description("Total payment volume: value of successful payments net of refunds")
                .stakeholders(MERCHANTS, PLATFORM).dimensions(region, channel, category).build();
        activePayers = MetricDefinition.distinct("active_payers")
                .description("Distinct payers with at least one successful payment")
                .stakeholders(USERS, PLATFORM).dimensions(region).build();
        transactionsPerPayer = MetricDefinition.derived("transactions_per_payer",
                        Formula.ratio(Formula.ref("transactions"), Formula.ref("active_payers")))
                .unit(Unit.ONE).description("Successful payments per active payer")
                .stakeholders(PLATFORM).dimensions(region).build();
        averageTicket = MetricDefinition.derived("average_ticket",
                        Formula.ratio(Formula.ref("tpv"), Formula.ref("transactions")))
                .money(currency).direction(Direction.NEUTRAL).description("TPV per successful payment")
                .stakeholders(MERCHANTS).dimensions(region, channel, category).build();
        newPayers = MetricDefinition.count("new_payers")
                .description("Payers making their first ever successful payment")
                .stakeholders(PLATFORM).seriesOf(successRateByValue).build();
        activation = MetricDefinition.funnel("activation", "account_opened", "first_payment")
                .description("Accounts opened that went on to a first payment in the same window")
                .stakeholders(USERS, PLATFORM).dimensions(region).build();
        accountsOpened = MetricDefinition.count("accounts_opened")
                .description("Wallet accounts opened").stakeholders(PLATFORM).dimensions(region).build();
        cardLinkRate = MetricDefinition.ratio("card_link_success_rate")
                .description("Bank cards linked / card link attempts")
                .stakeholders(USERS, BANKS).dimensions(region, bank).build();
        topUps = MetricDefinition.sum("wallet_top_ups").money(currency)
                .description("Amount topped up into wallets")
                .stakeholders(USERS, PLATFORM).dimensions(region, bank, funding).build();
        activeMerchants = MetricDefinition.distinct("active_merchants")
                .description("Distinct merchants receiving at least one successful payment")
                .stakeholders(MERCHANTS, PLATFORM).seriesOf(activePayers).build();
        merchantsOnboarded = MetricDefinition.count("merchants_onboarded")
                .description("Merchants onboarded").stakeholders(MERCHANTS, PLATFORM)
                .dimensions(region, category).build();
        feeRevenue = MetricDefinition.sum("fee_revenue").money(currency)
                .description("Fees earned on payments").stakeholders(PLATFORM)
                .dimensions(region, channel, category).build();
        takeRate = MetricDefinition.derived("take_rate_bps", Formula.product(
                        Formula.ratio(Formula.ref("fee_revenue"), Formula.ref("tpv")), Formula.constant(10_000)))
                .unit(Unit.BASIS_POINTS).direction(Direction.NEUTRAL).description("Fee revenue / TPV, in basis points")
                .stakeholders(MERCHANTS, PLATFORM).dimensions(region, channel, category).build();
        refundRate = MetricDefinition.derived("refund_rate",
                        Formula.ratio(Formula.ref("refunds"), Formula.ref("transactions")))
                .unit(Unit.RATIO).direction(Direction.LOWER_IS_BETTER).description("Refunds / transactions")
                .stakeholders(USERS, MERCHANTS).dimensions(region, channel, category).build();
        disputes = MetricDefinition.count("disputes").direction(Direction.LOWER_IS_BETTER)
                .description("Disputes and chargebacks").stakeholders(MERCHANTS, BANKS, REGULATORS)
                .dimensions(region, channel, category).build();
        disputeRate = MetricDefinition.derived("dispute_rate",
                        Formula.ratio(Formula.ref("disputes"), Formula.ref("transactions")))
                .unit(Unit.RATIO).direction(Direction.LOWER_IS_BETTER)
                .description("Disputes / transactions; card schemes' early-warning level is 0.65%")
                .stakeholders(MERCHANTS, BANKS, REGULATORS).dimensions(region, channel, category).build();
        fraudLoss = MetricDefinition.sum("fraud_loss").money(currency).direction(Direction.LOWER_IS_BETTER)
                .description("Losses on payments reported as fraud").stakeholders(USERS, BANKS, REGULATORS)
                .dimensions(region, channel).build();
        fraudLossBps = MetricDefinition.derived("fraud_loss_bps", Formula.product(
                        Formula.ratio(Formula.ref("fraud_loss"), Formula.ref("tpv")), Formula.constant(10_000)))
                .unit(Unit.BASIS_POINTS).direction(Direction.LOWER_IS_BETTER)
                .description("Fraud loss / TPV, in basis points").stakeholders(USERS, BANKS, REGULATORS)
                .dimensions(region, channel).build();
        latency = MetricDefinition.distribution("payment_latency").unit(Unit.MICROSECONDS)
                .direction(Direction.LOWER_IS_BETTER).headlineQuantile(0.99)
                .description("Time from confirmation to authorization result, per attempt")
                .stakeholders(USERS, MERCHANTS, BANKS).seriesOf(successRateByValue).build();
        failures = MetricDefinition.count("payment_failures").direction(Direction.LOWER_IS_BETTER)
                .description("Failed payment attempts").stakeholders(USERS, MERCHANTS, BANKS)
                .dimensions(region, bank, reason).build();
        failureRate = MetricDefinition.derived("failure_rate",
                        Formula.ratio(Formula.ref("payment_failures"), Formula.ref("payment_attempts")))
                .unit(Unit.RATIO).direction(Direction.LOWER_IS_BETTER)
                .description("Failed attempts / attempts").stakeholders(USERS, MERCHANTS, BANKS)
                .dimensions(region, bank).build();
        p2pVolume = MetricDefinition.sum("p2p_volume").money(currency)
                .description("Value of person-to-person transfers").stakeholders(USERS, PLATFORM)
                .dimensions(region).build();
        redPacketsSent = MetricDefinition.count("red_packets_sent")
                .description("Red packets sent").stakeholders(USERS, PLATFORM).dimensions(region).build();
        redPacketsOpened = MetricDefinition.count("red_packets_opened")
                .description("Red packets opened").stakeholders(USERS, PLATFORM).dimensions(region).build();
        redPacketOpenRate = MetricDefinition.derived("red_packet_open_rate",
                        Formula.ratio(Formula.ref("red_packets_opened"), Formula.ref("red_packets_sent")))
                .unit(Unit.RATIO).description("Red packets opened / sent").stakeholders(USERS, PLATFORM)
                .dimensions(region).build();
        crossBorderGmv = MetricDefinition.sum("cross_border_gmv").money(currency)
                .description("Value of successful cross-border payments").stakeholders(MERCHANTS, PLATFORM, REGULATORS)
                .seriesOf(transactions).build();
        crossBorderShare = MetricDefinition.derived("cross_border_share",
                        Formula.ratio(Formula.ref("cross_border_gmv"), Formula.ref("gmv")))
                .unit(Unit.RATIO).direction(Direction.NEUTRAL).description("Cross-border GMV / GMV")
                .stakeholders(MERCHANTS, PLATFORM, REGULATORS).dimensions(region, channel, category).build();
    }

    /** A catalog in {@code currency} (ISO 4217, e.g. {@code "CNY"}). */
    public static PaymentsCatalog create(String currency) {
        return new PaymentsCatalog(currency);
    }

    /** The currency of every money metric. */
    public String currency() {
        return currency;
    }

    /** Every definition, stored ones first so derived ones find what they refer to. */
    public List<MetricDefinition<?>> definitions() {
        return List.of(attempts, successRate, successRateByValue, transactions, gmv, refunds, refundAmount,
                activePayers, newPayers, activation, accountsOpened, cardLinkRate, topUps, activeMerchants,
                merchantsOnboarded, feeRevenue, disputes, fraudLoss, latency, failures, p2pVolume, redPacketsSent,
                redPacketsOpened, crossBorderGmv,
                tpv, transactionsPerPayer, averageTicket, takeRate, refundRate, disputeRate, fraudLossBps,
                failureRate, redPacketOpenRate, crossBorderShare);
    }

    /** Registers every definition and returns the recorder that feeds them. */
    public PaymentsRecorder register(MetricRegistry registry) {
        for (MetricDefinition<?> d : definitions()) {
            registry.register(d);
        }
        return new PaymentsRecorder(this, registry);
    }
}
