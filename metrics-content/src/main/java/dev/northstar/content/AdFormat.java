package dev.northstar.content;

/** The ad slots of an article monetized through the platform's ad network. */
public enum AdFormat {
    /** A banner or card below the article: seen only by readers who scroll to the end. */
    BOTTOM,
    /** A card inside the article body. */
    MID_ARTICLE,
    /** A clip shown before or after a video in the article. */
    VIDEO_PATCH,
    /** A sponsored article negotiated between advertiser and account (mutual-selection ads). */
    SPONSORED
}
