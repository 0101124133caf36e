package dev.northstar.content;

/**
 * Where an account stands with the platform's identity verification (the blue or yellow tick),
 * which is reviewed on application and renewed yearly.
 */
public enum VerificationState {
    /** Never applied, or a review rejected it. */
    UNVERIFIED,
    /** An application is under review. */
    PENDING,
    /** Verified: the platform confirmed who runs the account. */
    VERIFIED,
    /** Was verified, but the yearly renewal lapsed. */
    EXPIRED
}
