package dev.northstar.content;

/**
 * Where a read came from: the traffic sources the WeChat Official Accounts analytics report for
 * an article. Reads from {@link #CHAT_SESSION} are the push reaching followers; every other
 * source is spread beyond the push.
 */
public enum TrafficSource {
    /** The push: the article delivered into followers' subscription session (or chat list). */
    CHAT_SESSION,
    /** A friend shared the article into a one-to-one or group chat. */
    FRIEND_SHARE,
    /** A friend shared the article to their Moments timeline. */
    MOMENTS,
    /** The reader opened the account's profile and its history of articles. */
    PROFILE_HISTORY,
    /** The platform's recommendation feed ("Top Stories" / "Look"). */
    RECOMMENDATION_FEED,
    /** In-app search. */
    SEARCH,
    /** Anything else: links in other apps, mini programs, QR codes. */
    OTHER
}
