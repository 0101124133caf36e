package dev.northstar.content;

/**
 * The business events of a content platform, one method each: accounts are created and verified,
 * publish articles that are delivered to followers, readers read, share, like, comment, favorite,
 * tip, follow and unfollow, ads are shown, clicked and paid for, and content is reported.
 * {@link ContentRecorder} turns them into metrics; the {@link ContentSimulator} produces them; a
 * host or a benchmark can implement it to capture or forward events.
 *
 * <p>Times are epoch milliseconds, durations milliseconds, money minor units of the catalog's
 * currency. An account is named by the host's stable id for it (e.g. the original id
 * {@code gh_...}); its type and category are passed with each event so no lookup is needed.
 * Reader ids are hashed into sketches and never kept.
 */
public interface ContentEvents {

    /** An official account registered. */
    void accountCreated(long atMillis, String account, AccountType type, ContentCategory category);

    /** A verification review of an account concluded, approved or not. */
    void accountVerified(long atMillis, String account, AccountType type, boolean approved);

    /**
     * An article published, pushed to {@code followersDelivered} followers at once (0 when the
     * push is reported in batches through {@link #delivery}).
     */
    void articlePublished(long atMillis, String account, AccountType type, VerificationState verification,
                          ContentCategory category, long followersDelivered);

    /** A push of an account's article reached {@code followersDelivered} more followers. */
    void delivery(long atMillis, String account, AccountType type, ContentCategory category,
                  long followersDelivered);

    /** A reader opened an article, from {@code source}, for {@code readTimeMillis}. */
    void read(long atMillis, long readerId, String account, AccountType type, ContentCategory category,
              TrafficSource source, long readTimeMillis, boolean readToEnd);

    /** A reader shared an article. */
    void share(long atMillis, String account, AccountType type, ContentCategory category, ShareTarget target);

    /** A reader liked an article. */
    void like(long atMillis, String account, AccountType type, ContentCategory category);

    /** A reader commented on an article. */
    void comment(long atMillis, String account, AccountType type, ContentCategory category);

    /** A reader saved an article to favorites. */
    void favorite(long atMillis, String account, AccountType type, ContentCategory category);

    /** A reader followed an account. */
    void follow(long atMillis, long readerId, String account, AccountType type, ContentCategory category,
                FollowSource source);

    /** A follower unfollowed an account; {@code source} is how they had followed it. */
    void unfollow(long atMillis, String account, AccountType type, ContentCategory category, FollowSource source);

    /** The follower count of an account as of {@code atMillis} (a periodic report, e.g. daily). */
    void followers(long atMillis, String account, AccountType type, ContentCategory category, long followers);

    /** A reader tipped (sent appreciation money to) an article's author. */
    void tip(long atMillis, String account, AccountType type, ContentCategory category, long amountMinor);

    /** An ad was shown in an article. */
    void adImpression(long atMillis, String account, AccountType type, ContentCategory category, AdFormat format);

    /** An ad in an article was clicked. */
    void adClick(long atMillis, String account, AccountType type, ContentCategory category, AdFormat format);

    /** Ad revenue earned on an account's articles (billed per click, impression or deal). */
    void adRevenue(long atMillis, String account, AccountType type, ContentCategory category, AdFormat format,
                   long amountMinor);

    /** A reader reported (complained about) an article. */
    void report(long atMillis, String account, AccountType type, ContentCategory category, ReportReason reason);
}
