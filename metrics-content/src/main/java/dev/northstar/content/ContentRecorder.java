package dev.northstar.content;

import dev.northstar.metrics.registry.Bucket;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.RetentionMetric;
import dev.northstar.metrics.registry.SumMetric;

/**
 * One method per business event of a content platform; each call updates every catalog metric
 * the event feeds, resolving the time bucket once and each dimension code once per event, and
 * allocates nothing.
 *
 * <pre>{@code
 * ContentRecorder content = ContentCatalog.create("CNY").register(registry);
 * content.articlePublished(at, "gh_1a2b3c", AccountType.SUBSCRIPTION, VerificationState.VERIFIED,
 *         ContentCategory.TECHNOLOGY, 120_000);                 // pushed to 120,000 followers
 * content.read(at2, readerId, "gh_1a2b3c", AccountType.SUBSCRIPTION, ContentCategory.TECHNOLOGY,
 *         TrafficSource.CHAT_SESSION, 95_000, true);            // 95 s, read to the end
 * }</pre>
 *
 * <p>Each metric resolves its own series from the codes, except where the catalog declares that
 * one numbers its series as another ({@code MetricDefinition.Builder#seriesOf}): a read resolves
 * its series once, on {@code reads}, and records engaged reads, spread reads and read completion
 * under that number. Metrics that merely have the same dimensions number their series
 * independently, so their series numbers are never mixed.
 *
 * <p>Bad input follows the registry's mode: an event whose time is refused (too old, too far in
 * the future) records nothing and is counted once; a negative amount, count or read time is
 * refused by the metric it feeds and counted, while the event's other metrics are still
 * recorded; a null account, enum value or source is recorded under the dimension's unknown code;
 * an account past the account limit folds into {@code (other)}. Reader ids are hashed into
 * sketches and never kept.
 */
public final class ContentRecorder implements ContentEvents {
    private static final int CHAT_SESSION = TrafficSource.CHAT_SESSION.ordinal();

    private final MetricRegistry registry;
    private final ContentCatalog c;
    private final CountMetric accountsCreated;
    private final RatioMetric verificationRate;
    private final DistinctMetric activePublishers;
    private final CountMetric articlesPublished;
    private final CountMetric deliveries;
    private final CountMetric reads;
    private final CountMetric engagedReads;
    private final CountMetric spreadReads;
    private final DistinctMetric uniqueReaders;
    private final RatioMetric readRate;
    private final RatioMetric readCompletionRate;
    private final DistributionMetric readTime;
    private final CountMetric shares;
    private final CountMetric likes;
    private final CountMetric comments;
    private final CountMetric favorites;
    private final CountMetric follows;
    private final CountMetric unfollows;
    private final GaugeMetric followers;
    private final RetentionMetric followerRetention;
    private final CountMetric tips;
    private final SumMetric tipAmount;
    private final CountMetric adImpressions;
    private final CountMetric adClicks;
    private final SumMetric adRevenue;
    private final CountMetric reports;

    ContentRecorder(ContentCatalog catalog, MetricRegistry registry) {
        this.registry = registry;
        this.c = catalog;
        accountsCreated = registry.register(catalog.accountsCreated);
        verificationRate = registry.register(catalog.verificationRate);
        activePublishers = registry.register(catalog.activePublishers);
        articlesPublished = registry.register(catalog.articlesPublished);
        deliveries = registry.register(catalog.deliveries);
        reads = registry.register(catalog.reads);
        engagedReads = registry.register(catalog.engagedReads);
        spreadReads = registry.register(catalog.spreadReads);
        uniqueReaders = registry.register(catalog.uniqueReaders);
        readRate = registry.register(catalog.readRate);
        readCompletionRate = registry.register(catalog.readCompletionRate);
        readTime = registry.register(catalog.readTime);
        shares = registry.register(catalog.shares);
        likes = registry.register(catalog.likes);
        comments = registry.register(catalog.comments);
        favorites = registry.register(catalog.favorites);
        follows = registry.register(catalog.follows);
        unfollows = registry.register(catalog.unfollows);
        followers = registry.register(catalog.followers);
        followerRetention = registry.register(catalog.followerRetention);
        tips = registry.register(catalog.tips);
        tipAmount = registry.register(catalog.tipAmount);
        adImpressions = registry.register(catalog.adImpressions);
        adClicks = registry.register(catalog.adClicks);
        adRevenue = registry.register(catalog.adRevenue);
        reports = registry.register(catalog.reports);
    }

    /** The catalog this recorder feeds. */
    public ContentCatalog catalog() {
        return c;
    }

    /** The registry this recorder feeds. */
    public MetricRegistry registry() {
        return registry;
    }

    /** An account registered: accounts created. */
    @Override
    public void accountCreated(long atMillis, String account, AccountType type, ContentCategory category) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        accountsCreated.increment(b, accountsCreated.seriesOfCodes(c.accountType.code(type), c.category.code(category)));
    }

    /** A verification review concluded: verification rate (approved / reviews). */
    @Override
    public void accountVerified(long atMillis, String account, AccountType type, boolean approved) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        verificationRate.record(b, verificationRate.seriesOfCodes(c.accountType.code(type)), approved);
    }

    /**
     * An article published: articles published, active publishers, and the push's deliveries
     * (deliveries and the read rate's denominator).
     *
     * @param atMillis           publication time, epoch milliseconds
     * @param account            the publishing account (open dimension; its id is also counted,
     *                           hashed, in active publishers); null is recorded as unknown and
     *                           left out of active publishers
     * @param type               the account's type
     * @param verification       the account's verification state when publishing
     * @param category           the account's content category
     * @param followersDelivered followers the push reached, non-negative; 0 when the push is
     *                           reported in batches through {@link #delivery}
     */
    @Override
    public void articlePublished(long atMillis, String account, AccountType type, VerificationState verification,
                                 ContentCategory category, long followersDelivered) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        int a = c.account.code(account);
        int t = c.accountType.code(type);
        int v = c.verification.code(verification);
        int cat = c.category.code(category);
        articlesPublished.increment(b, articlesPublished.seriesOfCodes(a, t, v, cat));
        if (account != null) {
            activePublishers.add(b, activePublishers.seriesOfCodes(t, v, cat), account);
        }
        if (followersDelivered != 0) {
            deliveries.add(b, deliveries.seriesOfCodes(a, t, cat), followersDelivered);
            readRate.record(b, readRate.seriesOfCodes(a, t, cat), 0, followersDelivered);
        }
    }

    /** A push reached more followers: deliveries and the read rate's denominator. */
    @Override
    public void delivery(long atMillis, String account, AccountType type, ContentCategory category,
                         long followersDelivered) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        int a = c.account.code(account);
        int t = c.accountType.code(type);
        int cat = c.category.code(category);
        deliveries.add(b, deliveries.seriesOfCodes(a, t, cat), followersDelivered);
        readRate.record(b, readRate.seriesOfCodes(a, t, cat), 0, followersDelivered);
    }

    /**
     * A read: reads, completion rate, read time, unique readers and follower-retention activity;
     * engaged reads if read to the end; the read rate's numerator if it came from the push
     * ({@link TrafficSource#CHAT_SESSION}), else spread reads.
     *
     * @param atMillis       read time, epoch milliseconds
     * @param readerId       the reader (hashed, never kept)
     * @param account        the article's account
     * @param type           the account's type
     * @param category       the account's content category
     * @param source         where the read came from; null is unknown and counts as spread
     * @param readTimeMillis time spent reading, non-negative; above
     *                       {@link ContentCatalog#MAX_READ_TIME_MILLIS} recorded as that
     * @param readToEnd      whether the reader reached the end of the article
     */
    @Override
    public void read(long atMillis, long readerId, String account, AccountType type, ContentCategory category,
                     TrafficSource source, long readTimeMillis, boolean readToEnd) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        int a = c.account.code(account);
        int t = c.accountType.code(type);
        int s = c.source.code(source);
        int cat = c.category.code(category);
        int read = reads.seriesOfCodes(a, t, s, cat); // engaged, spread and completion number their series as reads
        reads.increment(b, read);
        readCompletionRate.record(b, read, readToEnd);
        if (readToEnd) {
            engagedReads.increment(b, read);
        }
        if (s == CHAT_SESSION) {
            readRate.record(b, readRate.seriesOfCodes(a, t, cat), 1, 0);
        } else {
            spreadReads.increment(b, read);
        }
        readTime.record(b, readTime.seriesOfCodes(t, cat), Math.min(readTimeMillis, ContentCatalog.MAX_READ_TIME_MILLIS));
        uniqueReaders.add(b, uniqueReaders.seriesOfCodes(t, cat), readerId);
        followerRetention.active(b, followerRetention.seriesOfCodes(cat), readerId);
    }

    /** A share: shares by target. */
    @Override
    public void share(long atMillis, String account, AccountType type, ContentCategory category, ShareTarget target) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        shares.increment(b, shares.seriesOfCodes(c.account.code(account), c.accountType.code(type),
                c.shareTarget.code(target), c.category.code(category)));
    }

    /** A like: likes. */
    @Override
    public void like(long atMillis, String account, AccountType type, ContentCategory category) {
        perAccount(likes, atMillis, account, type, category);
    }

    /** A comment: comments. */
    @Override
    public void comment(long atMillis, String account, AccountType type, ContentCategory category) {
        perAccount(comments, atMillis, account, type, category);
    }

    /** A save to favorites: favorites. */
    @Override
    public void favorite(long atMillis, String account, AccountType type, ContentCategory category) {
        perAccount(favorites, atMillis, account, type, category);
    }

    private void perAccount(CountMetric metric, long atMillis, String account, AccountType type,
                            ContentCategory category) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        metric.increment(b, metric.seriesOfCodes(c.account.code(account), c.accountType.code(type),
                c.category.code(category)));
    }

    /** A follow: follows by source, and the reader joins the follower-retention cohort. */
    @Override
    public void follow(long atMillis, long readerId, String account, AccountType type, ContentCategory category,
                       FollowSource source) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        int cat = c.category.code(category);
        follows.increment(b, follows.seriesOfCodes(c.account.code(account), c.accountType.code(type),
                c.followSource.code(source), cat));
        followerRetention.cohort(b, followerRetention.seriesOfCodes(cat), readerId);
    }

    /** An unfollow: unfollows by the source of the follow it ends. */
    @Override
    public void unfollow(long atMillis, String account, AccountType type, ContentCategory category,
                         FollowSource source) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        unfollows.increment(b, unfollows.seriesOfCodes(c.account.code(account), c.accountType.code(type),
                c.followSource.code(source), c.category.code(category)));
    }

    /**
     * A follower-count report: sets the followers gauge of the account as of {@code atMillis}
     * (an older report than the one held for the same bucket is ignored). A negative count is not
     * a follower count and is ignored.
     */
    @Override
    public void followers(long atMillis, String account, AccountType type, ContentCategory category,
                          long followerCount) {
        if (followerCount < 0) {
            return;
        }
        followers.set(followers.seriesOfCodes(c.account.code(account), c.accountType.code(type),
                c.category.code(category)), followerCount, atMillis);
    }

    /** A tip: tips and tip amount (minor units, non-negative). */
    @Override
    public void tip(long atMillis, String account, AccountType type, ContentCategory category, long amountMinor) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        int a = c.account.code(account);
        int t = c.accountType.code(type);
        int cat = c.category.code(category);
        tips.increment(b, tips.seriesOfCodes(a, t, cat));
        tipAmount.add(b, tipAmount.seriesOfCodes(a, t, cat), amountMinor);
    }

    /** An ad shown: ad impressions by format. */
    @Override
    public void adImpression(long atMillis, String account, AccountType type, ContentCategory category,
                             AdFormat format) {
        perAd(adImpressions, atMillis, account, type, category, format);
    }

    /** An ad clicked: ad clicks by format. */
    @Override
    public void adClick(long atMillis, String account, AccountType type, ContentCategory category, AdFormat format) {
        perAd(adClicks, atMillis, account, type, category, format);
    }

    private void perAd(CountMetric metric, long atMillis, String account, AccountType type, ContentCategory category,
                       AdFormat format) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        metric.increment(b, metric.seriesOfCodes(c.account.code(account), c.accountType.code(type),
                c.adFormat.code(format), c.category.code(category)));
    }

    /** Ad revenue earned: ad revenue by format (minor units, non-negative). */
    @Override
    public void adRevenue(long atMillis, String account, AccountType type, ContentCategory category, AdFormat format,
                          long amountMinor) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        adRevenue.add(b, adRevenue.seriesOfCodes(c.account.code(account), c.accountType.code(type),
                c.adFormat.code(format), c.category.code(category)), amountMinor);
    }

    /** A report or complaint: reports by reason. */
    @Override
    public void report(long atMillis, String account, AccountType type, ContentCategory category,
                       ReportReason reason) {
        Bucket b = registry.bucketAt(atMillis);
        if (b == null) {
            return;
        }
        reports.increment(b, reports.seriesOfCodes(c.account.code(account), c.accountType.code(type),
                c.reportReason.code(reason), c.category.code(category)));
    }
}
