package dev.northstar.payments;

/** A coarse merchant category (in the spirit of ISO 18245 merchant category codes). */
public enum MerchantCategory {
    FOOD_AND_DRINK,
    GROCERY,
    RETAIL,
    TRANSPORT,
    UTILITIES,
    ENTERTAINMENT,
    TRAVEL,
    DIGITAL_GOODS,
    SERVICES,
    OTHER
}
