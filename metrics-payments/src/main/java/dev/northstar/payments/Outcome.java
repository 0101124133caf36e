package dev.northstar.payments;

/** Whether a payment attempt succeeded. */
public enum Outcome {
    SUCCESS,
    FAILURE
}
