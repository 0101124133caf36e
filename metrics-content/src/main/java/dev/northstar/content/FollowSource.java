package dev.northstar.content;

/**
 * How a follower came to follow an account, after the subscribe scenes the WeChat user API
 * reports ({@code subscribe_scene}). An unfollow carries the source of the follow it ends, so
 * churn can be read by acquisition channel.
 */
public enum FollowSource {
    /** Found the account through search. */
    SEARCH,
    /** From an article: the account name link or the menu of an article page. */
    ARTICLE,
    /** Scanned the account's QR code. */
    QR_CODE,
    /** A profile card shared by a friend. */
    PROFILE_CARD,
    /** A platform ad promoting the account. */
    ADVERTISEMENT,
    /** Followed after paying the account's business. */
    PAYMENT,
    /** Any other scene. */
    OTHER
}
