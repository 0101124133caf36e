package dev.northstar.payments;

/** Why a payment attempt failed. */
public enum FailureReason {
    /** Not enough balance or credit. */
    INSUFFICIENT_FUNDS,
    /** The issuing bank or its link was unavailable. */
    BANK_UNAVAILABLE,
    /** The platform's risk engine rejected the payment. */
    RISK_REJECTED,
    /** No answer in time from a downstream system. */
    TIMEOUT,
    /** The payer cancelled at confirmation. */
    USER_CANCELLED,
    /** Any other reason. */
    OTHER
}
