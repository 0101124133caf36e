package dev.northstar.payments;

/** What funds a payment. */
public enum FundingSource {
    /** Stored balance in the wallet. */
    WALLET_BALANCE,
    /** A linked debit card. */
    DEBIT_CARD,
    /** A linked credit card. */
    CREDIT_CARD,
    /** A consumer credit line offered in the wallet. */
    CREDIT_LINE
}
