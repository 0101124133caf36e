package dev.northstar.payments;

/**
 * The business events of the payment flow, one method each. {@link PaymentsRecorder} turns them
 * into metrics; the {@link PaymentsSimulator} produces them; a host or a benchmark can implement
 * it to capture or forward events. Times are epoch milliseconds, amounts minor units, latency
 * microseconds.
 */
public interface PaymentEvents {

    /** A payment attempt and its result; {@code failure} is null on success. */
    void payment(long atMillis, long payerId, long merchantId, String region, String bank, Channel channel,
                 FundingSource funding, MerchantCategory category, boolean crossBorder, boolean firstPayment,
                 FailureReason failure, long amountMinor, long latencyMicros);

    /** A wallet account opened. */
    void accountOpened(long atMillis, long userId, String region);

    /** A bank card link attempt and whether it succeeded. */
    void cardLink(long atMillis, String region, String bank, boolean linked);

    /** A wallet top-up. */
    void topUp(long atMillis, String region, String bank, FundingSource funding, long amountMinor);

    /** A refund of an earlier payment. */
    void refund(long atMillis, String region, Channel channel, MerchantCategory category, long amountMinor);

    /** A dispute or chargeback. */
    void dispute(long atMillis, String region, Channel channel, MerchantCategory category);

    /** A payment reported as fraud, with its loss. */
    void fraudReported(long atMillis, String region, Channel channel, long lossMinor);

    /** A merchant onboarded. */
    void merchantOnboarded(long atMillis, String region, MerchantCategory category);

    /** A person-to-person transfer. */
    void p2pTransfer(long atMillis, String region, long amountMinor);

    /** A red packet sent. */
    void redPacketSent(long atMillis, String region, long amountMinor);

    /** A red packet opened. */
    void redPacketOpened(long atMillis, String region);

    /** Fee revenue earned on a payment. */
    void feeRevenue(long atMillis, String region, Channel channel, MerchantCategory category, long feeMinor);
}
