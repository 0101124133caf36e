package dev.northstar.payments;

/** How a payment or transfer was made. */
public enum Channel {
    /** The payer scans the merchant's QR code (or the merchant scans the payer's code). */
    QR_SCAN,
    /** Payment inside a merchant's app. */
    IN_APP,
    /** Payment inside a mini program of the super app. */
    MINI_PROGRAM,
    /** Web or online checkout. */
    ONLINE_CHECKOUT,
    /** Person-to-person transfer. */
    P2P_TRANSFER,
    /** Red packet (hongbao) sent to a person or a group. */
    RED_PACKET
}
