package dev.northstar.content;

/** The main subject of an account's articles. */
public enum ContentCategory {
    NEWS,
    TECHNOLOGY,
    FINANCE,
    LIFESTYLE,
    ENTERTAINMENT,
    EDUCATION,
    HEALTH,
    SPORTS,
    /** Government and public-service accounts. */
    GOVERNMENT,
    /** Brands and shops writing about their products. */
    BRAND,
    OTHER
}
