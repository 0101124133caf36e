package dev.northstar.content;

import dev.northstar.metrics.definition.Direction;
import dev.northstar.metrics.definition.Formula;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DerivedMetric;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.registry.RetentionMetric;
import dev.northstar.metrics.registry.SumMetric;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The success metrics of a content / official-accounts platform, with the meanings the industry
 * gives them: the dimensions that slice them and one definition per metric, each documented with
 * its formula, unit, direction and source (the event of {@link ContentEvents} that feeds it, and
 * where the definition comes from).
 *
 * <pre>{@code
 * ContentCatalog catalog = ContentCatalog.create("CNY");
 * catalog.preassignAccounts(hostTopAccounts);            // before traffic: see below
 * ContentRecorder recorder = catalog.register(registry);
 * recorder.read(at, readerId, "gh_1a2b3c", AccountType.SUBSCRIPTION, ContentCategory.TECHNOLOGY,
 *         TrafficSource.CHAT_SESSION, 95_000, true);
 * }</pre>
 *
 * <h2>Accounts: an open dimension with a long tail</h2>
 * The {@link #account} dimension gives codes to the first {@link #accountLimit()} accounts it
 * sees (1,000 by default); every later account folds into {@code (other)}, counted in the
 * registry's health. A platform has millions of accounts and a few thousand that matter, so a
 * host calls {@link #preassignAccounts(Collection)} with its known top accounts before any
 * traffic: they get codes first, in the order given, and the long tail folds. With
 * {@link #forTopAccounts(String, Collection)} the limit is exactly the top list, so nothing else
 * ever takes a code. Metrics sliced by account keep {@link #CATEGORIES_PER_ACCOUNT} categories
 * per account in their series limit (an account's type is fixed, its category nearly so);
 * combinations past a series limit fold into one overflow series and totals stay exact.
 *
 * <h2>Building a metric tree on it</h2>
 * The North Star is {@link #engagedReads} over an ISO week (weekly engaged reads). Reads break
 * down exactly as {@link #READS_FORMULA}: {@code reads = deliveries × read_rate + spread_reads},
 * because {@link #readRate}'s denominator is recorded with every delivery and its numerator with
 * every read from the push, and every other read is a spread read. Guardrails: the unfollow rate
 * ({@link UnfollowRate}, or {@link #unfollowsPerFollower} where a tree needs a registered
 * metric), {@link #reportRate}, {@link #readCompletionRate} and {@link #adLoad}.
 *
 * <p>Time is in milliseconds, money in minor units of the catalog's currency (fen for CNY). Each
 * catalog owns its account dimension, so use one catalog per registry. Hosts add their own
 * metrics to the same registry next to these.
 */
public final class ContentCatalog {
    /** Followers (readers): content worth their time, no spam. */
    public static final String FOLLOWERS = "followers";
    /** Account owners (publishers): reach, loyal followers and income. */
    public static final String ACCOUNT_OWNERS = "account_owners";
    /** Advertisers: attention at a fair price, next to safe content. */
    public static final String ADVERTISERS = "advertisers";
    /** The platform: engagement and revenue. */
    public static final String PLATFORM = "platform";
    /** Regulators: content safety. */
    public static final String REGULATORS = "regulators";

    /** Accounts that get a code of their own unless the host says otherwise. */
    public static final int DEFAULT_ACCOUNT_LIMIT = 1_000;
    /** Categories per account that account-sliced metrics keep room for in their series limit. */
    public static final int CATEGORIES_PER_ACCOUNT = 2;
    /** Longest read time recorded; a longer read (a page left open) is recorded as this long. */
    public static final long MAX_READ_TIME_MILLIS = 3_600_000L;

    /**
     * The exact decomposition of reads: {@code reads = deliveries × read_rate + spread_reads}.
     * It holds for any window, filter and grouping by account, account type or category.
     */
    public static final Formula READS_FORMULA = Formula.sum(
            Formula.product(Formula.ref("deliveries"), Formula.ref("read_rate")), Formula.ref("spread_reads"));

    /** Accounts, open: codes on first sight (or pre-assigned), the long tail folds into {@code (other)}. */
    public final OpenDimension account;
    /** Account type. */
    public final EnumDimension<AccountType> accountType = Dimension.of("account_type", AccountType.class);
    /** Verification state of the publishing account. */
    public final EnumDimension<VerificationState> verification =
            Dimension.of("verification_state", VerificationState.class);
    /** Content category of the account. */
    public final EnumDimension<ContentCategory> category = Dimension.of("content_category", ContentCategory.class);
    /** Traffic source of a read. */
    public final EnumDimension<TrafficSource> source = Dimension.of("traffic_source", TrafficSource.class);
    /** Where a share went. */
    public final EnumDimension<ShareTarget> shareTarget = Dimension.of("share_target", ShareTarget.class);
    /** Ad format. */
    public final EnumDimension<AdFormat> adFormat = Dimension.of("ad_format", AdFormat.class);
    /** How a follower came. */
    public final EnumDimension<FollowSource> followSource = Dimension.of("follow_source", FollowSource.class);
    /** Why content was reported. */
    public final EnumDimension<ReportReason> reportReason = Dimension.of("report_reason", ReportReason.class);

    /**
     * Accounts created. Formula: count of account registrations. Unit events; higher is better.
     * Source: {@link ContentEvents#accountCreated}.
     */
    public final MetricDefinition<CountMetric> accountsCreated;
    /**
     * Verification rate. Formula: reviews approved / verification reviews concluded. Unit ratio;
     * higher is better (a low rate means applicants who cannot prove who they are). Source:
     * {@link ContentEvents#accountVerified}.
     */
    public final MetricDefinition<RatioMetric> verificationRate;
    /**
     * Active publishers. Formula: distinct accounts with at least one article published in the
     * window (HLL of account ids), so a week is the union of its days. Unit ids; higher is better.
     * Source: {@link ContentEvents#articlePublished}; the supply side of a content platform.
     */
    public final MetricDefinition<DistinctMetric> activePublishers;
    /**
     * Articles published. Formula: count of articles published (pushed or posted). Unit events;
     * higher is better. Source: {@link ContentEvents#articlePublished}.
     */
    public final MetricDefinition<CountMetric> articlesPublished;
    /**
     * Deliveries. Formula: sum of followers each push reached. Unit events; higher is better.
     * Source: {@link ContentEvents#articlePublished} and {@link ContentEvents#delivery}; the
     * "delivered to" figure of a mass push.
     */
    public final MetricDefinition<CountMetric> deliveries;
    /**
     * Reads. Formula: count of article opens, from any source. Unit events; higher is better.
     * Source: {@link ContentEvents#read}; the "reads" (阅读次数) of the Official Accounts
     * analytics, sliced by traffic source as they report it.
     */
    public final MetricDefinition<CountMetric> reads;
    /**
     * Engaged reads, the North Star candidate. Formula: count of reads read to the end. Unit
     * events; higher is better. Query it over an ISO week for weekly engaged reads: it grows only
     * when people finish what they open, so clickbait cannot buy it. Source: {@link ContentEvents#read}.
     */
    public final MetricDefinition<CountMetric> engagedReads;
    /**
     * Spread reads. Formula: reads from every source but {@link TrafficSource#CHAT_SESSION} (and
     * an unknown source): the reach an article earns beyond its push. Unit events; higher is
     * better. Source: {@link ContentEvents#read}.
     */
    public final MetricDefinition<CountMetric> spreadReads;
    /**
     * Unique readers. Formula: distinct reader ids with at least one read in the window (HLL):
     * daily, weekly and monthly readers by the query's window, never a sum of days. Unit ids;
     * higher is better. Source: {@link ContentEvents#read}.
     */
    public final MetricDefinition<DistinctMetric> uniqueReaders;
    /**
     * Read rate (open rate of the push). Formula: reads from the push
     * ({@link TrafficSource#CHAT_SESSION}) / deliveries; the denominator is added with each
     * delivery, the numerator with each read from the push. Reads beyond the push are
     * {@link #spreadReads}, not part of this rate. Unit ratio; higher is better. Source:
     * {@link ContentEvents#articlePublished}, {@link ContentEvents#delivery},
     * {@link ContentEvents#read}; the "open rate" publishers track for their pushes.
     */
    public final MetricDefinition<RatioMetric> readRate;
    /**
     * Read completion rate. Formula: reads read to the end / reads, recorded together per read.
     * Unit ratio; higher is better (a guardrail against clickbait). Source: {@link ContentEvents#read}.
     */
    public final MetricDefinition<RatioMetric> readCompletionRate;
    /**
     * Read time. Formula: the distribution of time spent per read (p50, p90 by query), reads
     * longer than {@link #MAX_READ_TIME_MILLIS} recorded as that. Unit milliseconds; higher is
     * better. Source: {@link ContentEvents#read}.
     *
     * <p>Sliced by account type and category, not by traffic source: every series of a
     * distribution is a histogram (16 KB of counts per bucket and writing thread at this range and
     * precision, against 8 bytes for a count), and with the source the slice had seven times as
     * many (231 rather than 33 at the default vocabularies), so seven times the memory and a read
     * event that missed the cache on its histogram: 95 → 82 ns per read with one thread, 104 → 88
     * with two (RecorderBenchmark, A/B). Read time by source is given up; how deeply each source's
     * traffic reads is still measured, as a rate rather than a time: {@link #readCompletionRate}
     * numbers its series as {@link #reads}, which carry the source.
     */
    public final MetricDefinition<DistributionMetric> readTime;
    /**
     * Shares. Formula: count of shares to chats and Moments. Unit events; higher is better.
     * Source: {@link ContentEvents#share}.
     */
    public final MetricDefinition<CountMetric> shares;
    /**
     * Share rate. Formula: shares / reads. Unit ratio; higher is better. Source: derived; the
     * sharing figure of article analytics.
     */
    public final MetricDefinition<DerivedMetric> shareRate;
    /** Likes. Formula: count of likes. Unit events; higher is better. Source: {@link ContentEvents#like}. */
    public final MetricDefinition<CountMetric> likes;
    /** Like rate. Formula: likes / reads. Unit ratio; higher is better. Source: derived. */
    public final MetricDefinition<DerivedMetric> likeRate;
    /** Comments. Formula: count of comments. Unit events; higher is better. Source: {@link ContentEvents#comment}. */
    public final MetricDefinition<CountMetric> comments;
    /** Comment rate. Formula: comments / reads. Unit ratio; higher is better. Source: derived. */
    public final MetricDefinition<DerivedMetric> commentRate;
    /**
     * Favorites. Formula: count of saves to favorites. Unit events; higher is better. Source:
     * {@link ContentEvents#favorite}.
     */
    public final MetricDefinition<CountMetric> favorites;
    /** Favorite rate. Formula: favorites / reads. Unit ratio; higher is better. Source: derived. */
    public final MetricDefinition<DerivedMetric> favoriteRate;
    /**
     * Follows. Formula: count of new follows, by follow source. Unit events; higher is better.
     * Source: {@link ContentEvents#follow}; the "new followers" of the user analytics.
     */
    public final MetricDefinition<CountMetric> follows;
    /**
     * Unfollows. Formula: count of unfollows, by the source of the follow they end. Unit events;
     * lower is better. Source: {@link ContentEvents#unfollow}; the "cancelled follows".
     */
    public final MetricDefinition<CountMetric> unfollows;
    /**
     * Net follower growth. Formula: follows − unfollows. Unit one (followers); higher is better.
     * Source: derived; the "net new followers" of the user analytics.
     */
    public final MetricDefinition<DerivedMetric> netFollowerGrowth;
    /**
     * Followers. Formula: the last reported follower count of each account in the window, summed
     * across accounts. Unit one; higher is better. Source: {@link ContentEvents#followers}; the
     * "cumulative followers" of the user analytics.
     */
    public final MetricDefinition<GaugeMetric> followers;
    /**
     * Unfollows per follower, the same-window stand-in for the unfollow rate. Formula: unfollows /
     * followers, where followers is the level at the end of the same window (a derived metric
     * cannot look at another window). It differs from {@link UnfollowRate} (unfollows / followers
     * at the start) by the window's net growth, which is small; use it where a tree node must be
     * a registered metric. Unit ratio; lower is better. Source: derived.
     */
    public final MetricDefinition<DerivedMetric> unfollowsPerFollower;
    /**
     * Follower retention, D1/D7/D30. Formula: of the readers who followed an account of a category
     * in the window (the cohort), the share who read an article of that category in the window
     * shifted by 1, 7 and 30 days, by Theta sketch intersection; the query reports each rate's
     * error bounds. Unit ratio; higher is better. Source: {@link ContentEvents#follow} (cohort)
     * and {@link ContentEvents#read} (activity).
     */
    public final MetricDefinition<RetentionMetric> followerRetention;
    /** Tips. Formula: count of tips. Unit events; higher is better. Source: {@link ContentEvents#tip}. */
    public final MetricDefinition<CountMetric> tips;
    /**
     * Tip amount. Formula: sum of tips. Unit minor units; higher is better. Source:
     * {@link ContentEvents#tip}; the "appreciation" income of authors.
     */
    public final MetricDefinition<SumMetric> tipAmount;
    /**
     * Ad impressions. Formula: count of ads shown in articles. Unit events; neutral (more is
     * income, also ad load). Source: {@link ContentEvents#adImpression}.
     */
    public final MetricDefinition<CountMetric> adImpressions;
    /** Ad clicks. Formula: count of ad clicks. Unit events; higher is better. Source: {@link ContentEvents#adClick}. */
    public final MetricDefinition<CountMetric> adClicks;
    /**
     * Ad click-through rate. Formula: ad clicks / ad impressions. Unit ratio; higher is better.
     * Source: derived; CTR as every ad network reports it.
     */
    public final MetricDefinition<DerivedMetric> adCtr;
    /**
     * Ad revenue. Formula: sum of ad revenue earned on articles. Unit minor units; higher is
     * better. Source: {@link ContentEvents#adRevenue}.
     */
    public final MetricDefinition<SumMetric> adRevenue;
    /**
     * RPM, revenue per mille. Formula: ad revenue / reads × 1,000. Unit minor units (per thousand
     * reads); higher is better. Source: derived; RPM as publishers' ad programs report it.
     */
    public final MetricDefinition<DerivedMetric> rpm;
    /**
     * Ad load. Formula: ad impressions / reads. Unit ratio; lower is better for readers, a
     * guardrail against monetizing attention away. Source: derived.
     */
    public final MetricDefinition<DerivedMetric> adLoad;
    /**
     * Reports. Formula: count of reports and complaints, by reason. Unit events; lower is better.
     * Source: {@link ContentEvents#report}.
     */
    public final MetricDefinition<CountMetric> reports;
    /**
     * Report rate. Formula: reports / reads. Unit ratio; lower is better, a content-safety
     * guardrail. Source: derived.
     */
    public final MetricDefinition<DerivedMetric> reportRate;

    private final String currency;

    private ContentCatalog(String currency, int accountLimit) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.account = Dimension.open("account", accountLimit);
        Dimension<?>[] byAccount = {account, accountType, category};
        accountsCreated = MetricDefinition.count("accounts_created")
                .description("Official accounts registered")
                .stakeholders(PLATFORM).dimensions(accountType, category).build();
        verificationRate = MetricDefinition.ratio("verification_rate")
                .description("Verification reviews approved / reviews concluded")
                .stakeholders(FOLLOWERS, PLATFORM, REGULATORS).dimensions(accountType).build();
        activePublishers = MetricDefinition.distinct("active_publishers")
                .description("Distinct accounts with at least one article published")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(accountType, verification, category).build();
        articlesPublished = MetricDefinition.count("articles_published")
                .description("Articles published")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(account, accountType, verification, category)
                .seriesLimit(accountSeries(verification.size())).build();
        deliveries = MetricDefinition.count("deliveries")
                .description("Followers reached by pushes of articles")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(byAccount).seriesLimit(accountSeries(1)).build();
        reads = MetricDefinition.count("reads")
                .description("Article reads from any traffic source")
                .stakeholders(FOLLOWERS, ACCOUNT_OWNERS, ADVERTISERS, PLATFORM)
                .dimensions(account, accountType, source, category).seriesLimit(accountSeries(source.size())).build();
        engagedReads = MetricDefinition.count("engaged_reads")
                .description("Reads read to the end: the North Star, weekly")
                .stakeholders(FOLLOWERS, ACCOUNT_OWNERS, ADVERTISERS, PLATFORM)
                .seriesOf(reads).build();
        spreadReads = MetricDefinition.count("spread_reads")
                .description("Reads from sources other than the push: reach beyond followers")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM)
                .seriesOf(reads).build();
        uniqueReaders = MetricDefinition.distinct("unique_readers")
                .description("Distinct readers with at least one read")
                .stakeholders(FOLLOWERS, ACCOUNT_OWNERS, ADVERTISERS, PLATFORM).dimensions(accountType, category)
                .build();
        readRate = MetricDefinition.ratio("read_rate")
                .description("Reads from the push / followers the push was delivered to")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(byAccount).seriesLimit(accountSeries(1)).build();
        readCompletionRate = MetricDefinition.ratio("read_completion_rate")
                .description("Reads read to the end / reads")
                .stakeholders(FOLLOWERS, ACCOUNT_OWNERS, ADVERTISERS, PLATFORM)
                .seriesOf(reads).build();
        readTime = MetricDefinition.distribution("read_time").unit(Unit.MILLISECONDS)
                .maxValue(MAX_READ_TIME_MILLIS)
                .description("Time spent per read, capped at one hour")
                .stakeholders(FOLLOWERS, ACCOUNT_OWNERS, ADVERTISERS).dimensions(accountType, category).build();
        shares = MetricDefinition.count("shares")
                .description("Shares of articles to chats and Moments")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(account, accountType, shareTarget, category)
                .seriesLimit(accountSeries(shareTarget.size())).build();
        shareRate = rate("share_rate", "shares", "Shares / reads", ACCOUNT_OWNERS, PLATFORM);
        likes = perAccountCount("likes", "Likes of articles", FOLLOWERS, ACCOUNT_OWNERS);
        likeRate = rate("like_rate", "likes", "Likes / reads", ACCOUNT_OWNERS);
        comments = perAccountCount("comments", "Comments on articles", FOLLOWERS, ACCOUNT_OWNERS);
        commentRate = rate("comment_rate", "comments", "Comments / reads", ACCOUNT_OWNERS);
        favorites = perAccountCount("favorites", "Articles saved to favorites", FOLLOWERS, ACCOUNT_OWNERS);
        favoriteRate = rate("favorite_rate", "favorites", "Favorites / reads", ACCOUNT_OWNERS);
        follows = MetricDefinition.count("follows")
                .description("New follows of accounts")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(account, accountType, followSource, category)
                .seriesLimit(accountSeries(followSource.size())).build();
        unfollows = MetricDefinition.count("unfollows").direction(Direction.LOWER_IS_BETTER)
                .description("Unfollows of accounts, by how the follower had come")
                .stakeholders(FOLLOWERS, ACCOUNT_OWNERS, PLATFORM)
                .dimensions(account, accountType, followSource, category)
                .seriesLimit(accountSeries(followSource.size())).build();
        netFollowerGrowth = MetricDefinition.derived("net_follower_growth",
                        Formula.difference(Formula.ref("follows"), Formula.ref("unfollows")))
                .unit(Unit.ONE).description("Follows - unfollows")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(account, accountType, followSource, category)
                .build();
        followers = MetricDefinition.gauge("followers")
                .description("Followers of accounts, as last reported")
                .stakeholders(ACCOUNT_OWNERS, ADVERTISERS, PLATFORM).dimensions(byAccount)
                .seriesLimit(accountSeries(1)).build();
        unfollowsPerFollower = MetricDefinition.derived("unfollows_per_follower",
                        Formula.ratio(Formula.ref("unfollows"), Formula.ref("followers")))
                .unit(Unit.RATIO).direction(Direction.LOWER_IS_BETTER)
                .description("Unfollows / followers at the end of the same window (stand-in for the unfollow rate)")
                .stakeholders(FOLLOWERS, ACCOUNT_OWNERS, PLATFORM).dimensions(byAccount).build();
        followerRetention = MetricDefinition.retention("follower_retention")
                .description("Followers of a category's accounts who read that category 1, 7 and 30 days later")
                .stakeholders(FOLLOWERS, ACCOUNT_OWNERS, PLATFORM).dimensions(category).build();
        tips = perAccountCount("tips", "Tips sent to authors", ACCOUNT_OWNERS);
        tipAmount = MetricDefinition.sum("tip_amount").money(currency)
                .description("Money tipped to authors")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(byAccount).seriesLimit(accountSeries(1)).build();
        adImpressions = MetricDefinition.count("ad_impressions").direction(Direction.NEUTRAL)
                .description("Ads shown in articles")
                .stakeholders(ADVERTISERS, ACCOUNT_OWNERS, PLATFORM).dimensions(account, accountType, adFormat, category)
                .seriesLimit(accountSeries(adFormat.size())).build();
        adClicks = MetricDefinition.count("ad_clicks")
                .description("Clicks on ads in articles")
                .stakeholders(ADVERTISERS, ACCOUNT_OWNERS, PLATFORM).dimensions(account, accountType, adFormat, category)
                .seriesLimit(accountSeries(adFormat.size())).build();
        adCtr = MetricDefinition.derived("ad_ctr", Formula.ratio(Formula.ref("ad_clicks"), Formula.ref("ad_impressions")))
                .unit(Unit.RATIO).description("Ad clicks / ad impressions")
                .stakeholders(ADVERTISERS).dimensions(account, accountType, adFormat, category).build();
        adRevenue = MetricDefinition.sum("ad_revenue").money(currency)
                .description("Ad revenue earned on articles")
                .stakeholders(ADVERTISERS, ACCOUNT_OWNERS, PLATFORM).dimensions(account, accountType, adFormat, category)
                .seriesLimit(accountSeries(adFormat.size())).build();
        rpm = MetricDefinition.derived("rpm", Formula.product(
                        Formula.ratio(Formula.ref("ad_revenue"), Formula.ref("reads")), Formula.constant(1_000)))
                .money(currency).description("Ad revenue per thousand reads")
                .stakeholders(ACCOUNT_OWNERS, PLATFORM).dimensions(byAccount).build();
        adLoad = MetricDefinition.derived("ad_load",
                        Formula.ratio(Formula.ref("ad_impressions"), Formula.ref("reads")))
                .unit(Unit.RATIO).direction(Direction.LOWER_IS_BETTER).description("Ad impressions / reads")
                .stakeholders(FOLLOWERS, ADVERTISERS, PLATFORM).dimensions(byAccount).build();
        reports = MetricDefinition.count("reports").direction(Direction.LOWER_IS_BETTER)
                .description("Reports and complaints about articles, by reason")
                .stakeholders(FOLLOWERS, PLATFORM, REGULATORS).dimensions(account, accountType, reportReason, category)
                .seriesLimit(accountSeries(reportReason.size())).build();
        reportRate = MetricDefinition.derived("report_rate", Formula.ratio(Formula.ref("reports"), Formula.ref("reads")))
                .unit(Unit.RATIO).direction(Direction.LOWER_IS_BETTER).description("Reports / reads")
                .stakeholders(FOLLOWERS, PLATFORM, REGULATORS).dimensions(byAccount).build();
    }

    /** Series to keep for a metric by account × type × {@code perAccount} × category. */
    private int accountSeries(int perAccount) {
        long n = (long) account.size() * perAccount * CATEGORIES_PER_ACCOUNT;
        return (int) Math.min(n, 1 << 22);
    }

    private MetricDefinition<CountMetric> perAccountCount(String name, String description, String... stakeholders) {
        return MetricDefinition.count(name).description(description).stakeholders(stakeholders)
                .dimensions(account, accountType, category).seriesLimit(accountSeries(1)).build();
    }

    private MetricDefinition<DerivedMetric> rate(String name, String numerator, String description,
                                                 String... stakeholders) {
        return MetricDefinition.derived(name, Formula.ratio(Formula.ref(numerator), Formula.ref("reads")))
                .unit(Unit.RATIO).description(description).stakeholders(stakeholders)
                .dimensions(account, accountType, category).build();
    }

    /**
     * A catalog in {@code currency} (ISO 4217, e.g. {@code "CNY"}) whose account dimension gives
     * codes to the first {@value #DEFAULT_ACCOUNT_LIMIT} accounts.
     */
    public static ContentCatalog create(String currency) {
        return new ContentCatalog(currency, DEFAULT_ACCOUNT_LIMIT);
    }

    /**
     * A catalog whose account dimension gives codes to the first {@code accountLimit} accounts
     * (1 to 2^20); memory of the account-sliced metrics grows with it.
     *
     * @throws IllegalArgumentException if the limit is out of range or the currency malformed
     */
    public static ContentCatalog create(String currency, int accountLimit) {
        return new ContentCatalog(currency, accountLimit);
    }

    /**
     * A catalog whose accounts are exactly {@code topAccounts} (duplicates and null dropped), in
     * that order: every other account, including accounts created later, folds into
     * {@code (other)}. The usual set-up of a platform with a known head and a long tail.
     *
     * @throws IllegalArgumentException if no account is given
     */
    public static ContentCatalog forTopAccounts(String currency, Collection<String> topAccounts) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String a : topAccounts) {
            if (a != null && !a.isEmpty()) {
                distinct.add(a);
            }
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("forTopAccounts needs at least one account");
        }
        ContentCatalog catalog = new ContentCatalog(currency, distinct.size());
        catalog.preassignAccounts(distinct);
        return catalog;
    }

    /**
     * Gives codes to {@code topAccounts} in order, before traffic assigns codes on first sight,
     * so a host's known top accounts keep series of their own and the long tail folds into
     * {@code (other)}. Accounts that already have a code keep it; accounts past the limit fold
     * (and are counted as folded); null and empty ids are skipped. Safe to call at any time, but
     * it only guarantees codes when called before the first event.
     *
     * @return how many accounts of the dimension have a code of their own afterwards
     */
    public int preassignAccounts(Collection<String> topAccounts) {
        for (String a : topAccounts) {
            if (a != null && !a.isEmpty()) {
                account.code(a);
            }
        }
        return account.assignedCount();
    }

    /** How many accounts get a code of their own. */
    public int accountLimit() {
        return account.limit();
    }

    /** The currency of every money metric. */
    public String currency() {
        return currency;
    }

    /** Every definition, stored ones first so derived ones find what they refer to. */
    public List<MetricDefinition<?>> definitions() {
        return List.of(accountsCreated, verificationRate, activePublishers, articlesPublished, deliveries, reads,
                engagedReads, spreadReads, uniqueReaders, readRate, readCompletionRate, readTime, shares, likes,
                comments, favorites, follows, unfollows, followers, followerRetention, tips, tipAmount,
                adImpressions, adClicks, adRevenue, reports,
                shareRate, likeRate, commentRate, favoriteRate, netFollowerGrowth, unfollowsPerFollower, adCtr,
                rpm, adLoad, reportRate);
    }

    /** Registers every definition and returns the recorder that feeds them. */
    public ContentRecorder register(MetricRegistry registry) {
        for (MetricDefinition<?> d : definitions()) {
            registry.register(d);
        }
        return new ContentRecorder(this, registry);
    }
}
