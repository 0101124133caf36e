package dev.northstar.content;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.northstar.metrics.simulation.Bits;
import dev.northstar.metrics.simulation.Weighted;
import dev.northstar.metrics.simulation.Zipf;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeded, deterministic traffic of a content / official-accounts platform, with injectable
 * incidents.
 *
 * <pre>{@code
 * ContentSimulator sim = new ContentSimulator(ContentSimulator.Config.defaults(42)
 *         .withIncidents(List.of(ContentIncident.ClickbaitWave.of(day, 2, List.of("gh_00007")))));
 * ContentCatalog catalog = ContentCatalog.forTopAccounts("CNY", sim.topAccounts(1_000));
 * long events = sim.run(catalog.register(registry), Runtime.getRuntime().availableProcessors());
 * }</pre>
 *
 * <p>The shape of the traffic:
 * <ul>
 *   <li>Accounts ranked by popularity: followers follow a Zipf law (a few accounts with millions,
 *       a long tail with hundreds); types are three quarters subscription accounts; categories
 *       and verification are stable attributes of an account.</li>
 *   <li>Publishing: subscription accounts push at most once a day, the top ones nearly daily and
 *       the tail once a week or so; service accounts about four times a month, enterprise
 *       accounts rarely; each account at its own slot in the morning (7:00-8:30), at noon
 *       (11:30-13:00) or in the evening (19:30-21:00). A push is delivered to the account's
 *       followers (large accounts in two batches).</li>
 *   <li>Reads: each article is opened by a share of its delivered followers (the account's open
 *       rate, around 4%) and, about 1.2 times as often, from other sources (shares, Moments,
 *       the feed, search, history). Reads decay over the days after publishing: three quarters
 *       of the push reads on the day, the spread more slowly, none after a week. On the day,
 *       reads follow the push within hours; later, the daily reading curve.</li>
 *   <li>Readers: drawn from a Zipf law over the reader population (heavy readers come back).</li>
 *   <li>Per read: read to the end 30-60% by category (read time around one to three minutes,
 *       much shorter when abandoned), shares 2-3%, likes 1-2%, favorites, comments, rare tips;
 *       non-followers follow at 2% of their reads, followers unfollow at 2.5% of push reads; ads in most
 *       subscription accounts with ad slots (bottom ads seen only at the end), clicks about
 *       1%, revenue per click; reports about 3 in 10,000 reads.</li>
 *   <li>Every account reports its follower count at the end of each day.</li>
 * </ul>
 *
 * <p>Each day is cut into {@value #SLICES} slices, each generated from its own random stream
 * seeded by (seed, day, slice); what is shared between slices (articles alive, their expected
 * reads, follower counts) is planned day by day before the slices run. The events are therefore
 * identical for the same seed whatever the number of threads, and so are the metrics as long as
 * no open dimension or series limit overflows (an overflow keeps whichever values came first:
 * pre-assign the top accounts, see {@link #topAccounts(int)}). Generation allocates nothing per
 * event, except the name of each newly created account.
 */
public final class ContentSimulator {
    /** Slices per day: the unit of parallel work, fixed so results do not depend on threads. */
    public static final int SLICES = 32;
    /** Days after publishing an article is still read. */
    static final int ARTICLE_LIFE_DAYS = 7;

    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;
    private static final double[] PUSH_DECAY = {0.74, 0.14, 0.05, 0.03, 0.02, 0.01, 0.01};
    private static final double[] SPREAD_DECAY = {0.45, 0.22, 0.12, 0.08, 0.06, 0.04, 0.03};
    /** Spread reads per push read, over an article's life. */
    private static final double SPREAD_PER_PUSH_READ = 1.2;
    private static final double WEEKEND_READS = 0.92;
    private static final TrafficSource[] SPREAD_SOURCES = {TrafficSource.FRIEND_SHARE, TrafficSource.MOMENTS,
        TrafficSource.PROFILE_HISTORY, TrafficSource.RECOMMENDATION_FEED, TrafficSource.SEARCH, TrafficSource.OTHER};
    private static final double[] SPREAD_SOURCE_WEIGHTS = {0.30, 0.24, 0.08, 0.22, 0.10, 0.06};
    private static final double[] READ_HOUR_WEIGHTS = {
        0.8, 0.4, 0.2, 0.15, 0.15, 0.3, 1.2, 3.2, 4.0, 3.2, 3.0, 3.4,
        5.0, 4.5, 3.0, 2.8, 2.9, 3.2, 3.8, 4.6, 5.4, 6.2, 5.4, 3.0};
    private static final double[] CATEGORY_WEIGHTS = {0.12, 0.10, 0.09, 0.18, 0.14, 0.10, 0.08, 0.05, 0.04, 0.06, 0.04};
    /** Probability of reading to the end, by category. */
    private static final double[] COMPLETION = {0.55, 0.42, 0.40, 0.50, 0.58, 0.38, 0.48, 0.55, 0.45, 0.30, 0.45};
    /** Median read time of a read to the end, by category, milliseconds. */
    private static final double[] READ_MEDIAN_MILLIS = {70_000, 180_000, 150_000, 90_000, 60_000, 200_000, 120_000,
        70_000, 80_000, 50_000, 90_000};
    private static final FollowSource[] OTHER_FOLLOW_SOURCES = {FollowSource.SEARCH, FollowSource.QR_CODE,
        FollowSource.PROFILE_CARD, FollowSource.ADVERTISEMENT, FollowSource.PAYMENT, FollowSource.OTHER};
    private static final double[] OTHER_FOLLOW_WEIGHTS = {0.40, 0.22, 0.16, 0.12, 0.06, 0.04};
    /** How the followers who unfollow had come, in {@link FollowSource} order. */
    private static final double[] ACQUISITION_WEIGHTS = {0.24, 0.36, 0.14, 0.10, 0.10, 0.03, 0.03};
    private static final double[] REPORT_WEIGHTS = {0.30, 0.25, 0.20, 0.10, 0.10, 0.05};
    private static final double SHARE = 0.025;
    private static final double LIKE = 0.015;
    private static final double COMMENT = 0.002;
    private static final double FAVORITE = 0.008;
    private static final double TIP = 0.0008;
    private static final double FOLLOW_FROM_SPREAD = 0.02;
    /** Follows not tied to a read (search, QR codes, cards, ads), per read. */
    private static final double OTHER_FOLLOWS = 0.006;
    private static final double UNFOLLOW_FROM_PUSH = 0.025;
    private static final double REPORT = 0.0003;
    private static final double PUSH_DELAY_MEAN_MILLIS = 100 * MINUTE;
    private static final long BATCHED_PUSH_FOLLOWERS = 100_000;
    // values() clones its array on every call: keep one of each
    private static final FollowSource[] FOLLOW_SOURCES = FollowSource.values();
    private static final ReportReason[] REPORT_REASONS = ReportReason.values();
    private static final ContentCategory[] CATEGORIES = ContentCategory.values();

    private final Config config;
    private final String[] names;
    private final AccountType[] types;
    private final ContentCategory[] categories;
    private final VerificationState[] verification;
    private final double[] pushProbability;
    private final double[] openRate;
    private final long[] baseFollowers;
    private final boolean[] ads;
    private final long[] slotStartMillis;
    private final Map<String, Integer> rankOf = new HashMap<>();
    private final Zipf readers;
    private final Weighted popularity;
    private final Weighted readHours = new Weighted(READ_HOUR_WEIGHTS);
    private final Weighted spreadSources = new Weighted(SPREAD_SOURCE_WEIGHTS);
    private final Weighted otherFollowSources = new Weighted(OTHER_FOLLOW_WEIGHTS);
    private final Weighted acquisition = new Weighted(ACQUISITION_WEIGHTS);
    private final Weighted reportReasons = new Weighted(REPORT_WEIGHTS);
    private final Weighted categoryMix = new Weighted(CATEGORY_WEIGHTS);

    /**
     * What to simulate.
     *
     * @param seed        the seed: same seed, same events
     * @param firstDay    the first simulated day
     * @param days        how many days
     * @param readsPerDay reads on an average weekday, once articles of a whole week are live
     * @param zone        the platform's zone (days and the daily curves are local)
     * @param accounts    the account population, ranked by popularity
     * @param readers     the reader population
     * @param incidents   what goes wrong, and when
     */
    public record Config(long seed, LocalDate firstDay, int days, int readsPerDay, ZoneId zone, int accounts,
                         int readers, List<ContentIncident> incidents) {
        public Config {
            Objects.requireNonNull(firstDay);
            Objects.requireNonNull(zone);
            incidents = List.copyOf(incidents);
            if (days < 1 || readsPerDay < 1 || accounts < 1 || readers < 1) {
                throw new IllegalArgumentException("days, reads per day, accounts and readers must be positive");
            }
        }

        /** 14 days to 2026-11-15 in Asia/Shanghai, 400,000 reads a day, 5,000 accounts, 2 M readers. */
        public static Config defaults(long seed) {
            return new Config(seed, LocalDate.of(2026, 11, 2), 14, 400_000, ZoneId.of("Asia/Shanghai"), 5_000,
                    2_000_000, List.of());
        }

        /** The same with other incidents. */
        public Config withIncidents(List<ContentIncident> list) {
            return new Config(seed, firstDay, days, readsPerDay, zone, accounts, readers, list);
        }

        /** The same over other days. */
        public Config withDays(LocalDate first, int count) {
            return new Config(seed, first, count, readsPerDay, zone, accounts, readers, incidents);
        }

        /** The same with another daily volume. */
        public Config withReadsPerDay(int perDay) {
            return new Config(seed, firstDay, days, perDay, zone, accounts, readers, incidents);
        }

        /** The same with other populations. */
        public Config withPopulation(int accountCount, int readerCount) {
            return new Config(seed, firstDay, days, readsPerDay, zone, accountCount, readerCount, incidents);
        }

        /** The same with another seed. */
        public Config withSeed(long newSeed) {
            return new Config(newSeed, firstDay, days, readsPerDay, zone, accounts, readers, incidents);
        }

        /** The last simulated day. */
        public LocalDate lastDay() {
            return firstDay.plusDays(days - 1L);
        }
    }

    public ContentSimulator(Config config) {
        this.config = config;
        int n = config.accounts();
        names = new String[n];
        types = new AccountType[n];
        categories = new ContentCategory[n];
        verification = new VerificationState[n];
        pushProbability = new double[n];
        openRate = new double[n];
        baseFollowers = new long[n];
        ads = new boolean[n];
        slotStartMillis = new long[n];
        double[] zipf = new double[n];
        double expectedReadsPerUnit = 0;
        for (int rank = 0; rank < n; rank++) {
            long h = Bits.mix(config.seed() ^ Bits.mix(rank + 1L));
            names[rank] = accountName(rank);
            rankOf.put(names[rank], rank);
            double u = Bits.unit(h);
            types[rank] = u < 0.75 ? AccountType.SUBSCRIPTION : u < 0.93 ? AccountType.SERVICE : AccountType.ENTERPRISE;
            categories[rank] = CATEGORIES[categoryMix.sampleUnit(Bits.unit(Bits.mix(h)))];
            double v = Bits.unit(Bits.mix(h + 1));
            double verified = rank < 100 ? 0.9 : 0.35;
            verification[rank] = v < verified ? VerificationState.VERIFIED
                    : v < verified + 0.05 ? VerificationState.EXPIRED
                    : v < verified + 0.08 ? VerificationState.PENDING : VerificationState.UNVERIFIED;
            pushProbability[rank] = switch (types[rank]) {
                case SUBSCRIPTION -> 0.15 + 0.8 / (1 + rank / 150.0);
                case SERVICE -> 4 / 30.0;
                case ENTERPRISE -> 0.03;
            };
            openRate[rank] = Math.min(0.2, Math.max(0.005, 0.04 * Math.exp(0.35 * gaussian(Bits.mix(h + 2)))));
            double slot = Bits.unit(Bits.mix(h + 3));
            long slotStart = slot < 0.4 ? 7 * HOUR : slot < 0.6 ? 11 * HOUR + 30 * MINUTE : 19 * HOUR + 30 * MINUTE;
            slotStartMillis[rank] = slotStart + (long) (Bits.unit(Bits.mix(h + 4)) * 60) * MINUTE;
            zipf[rank] = 1 / Math.pow(rank + 1, 0.95);
            expectedReadsPerUnit += pushProbability[rank] * zipf[rank] * openRate[rank] * (1 + SPREAD_PER_PUSH_READ);
        }
        double scale = config.readsPerDay() / expectedReadsPerUnit;
        for (int rank = 0; rank < n; rank++) {
            baseFollowers[rank] = Math.max(20, Math.round(scale * zipf[rank]));
            ads[rank] = types[rank] == AccountType.SUBSCRIPTION && baseFollowers[rank] >= 500
                    && Bits.unit(Bits.mix(config.seed() ^ Bits.mix(rank + 1L) ^ 0x5DEECE66DL)) < 0.7;
        }
        popularity = new Weighted(zipf);
        readers = new Zipf(config.readers(), 0.7);
    }

    /** The name of the account of popularity {@code rank} (0 is the most followed): {@code gh_00042}. */
    public static String accountName(int rank) {
        return String.format("gh_%05d", rank);
    }

    /** The names of the {@code n} most followed accounts, most followed first: a host's "top accounts". */
    public List<String> topAccounts(int n) {
        return List.of(names).subList(0, Math.min(n, names.length));
    }

    /** The type of an account of the simulated population, or null for another name. */
    public AccountType typeOf(String account) {
        Integer r = rankOf.get(account);
        return r == null ? null : types[r];
    }

    /** The category of an account of the simulated population, or null for another name. */
    public ContentCategory categoryOf(String account) {
        Integer r = rankOf.get(account);
        return r == null ? null : categories[r];
    }

    public Config config() {
        return config;
    }

    /**
     * Generates every event of every day into {@code sink} on {@code threads} threads, returning
     * how many events were produced. The sink must be thread-safe (a recorder is).
     */
    public long run(ContentEvents sink, int threads) {
        return run(sink, threads, new AtomicLong());
    }

    /** As {@link #run(ContentEvents, int)}, adding to {@code progress} as slices complete. */
    public long run(ContentEvents sink, int threads, AtomicLong progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "content-simulator");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Long, Publications> published = new HashMap<>();
            long total = 0;
            List<Future<Long>> previous = List.of();
            DayPlan plan = null;
            for (int d = 0; d < config.days(); d++) {
                plan = plan(config.firstDay().plusDays(d), plan, published);
                DayPlan today = plan;
                List<Future<Long>> current = new ArrayList<>(SLICES);
                for (int s = 0; s < SLICES; s++) {
                    int slice = s;
                    current.add(pool.submit(() -> {
                        long n = slice(today, slice, sink);
                        progress.addAndGet(n);
                        return n;
                    }));
                }
                total += sum(previous); // keep at most two days in flight, so memory stays flat
                previous = current;
            }
            return total + sum(previous);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sum(List<Future<Long>> parts) throws InterruptedException, ExecutionException {
        long total = 0;
        for (Future<Long> f : parts) {
            total += f.get();
        }
        return total;
    }

    /** Approximate number of events {@link #run} produces, for progress bars. */
    public long expectedEvents() {
        return (long) (config.readsPerDay() * 1.45 * config.days()) + (long) config.accounts() * config.days() * 2;
    }

    // ---------------------------------------------------------------- planning, one day at a time

    /** The articles an account population publishes on one day: a stream of its own per day. */
    private record Publications(int[] accounts, long[] atMillis) {
    }

    private Publications publications(LocalDate day) {
        SplittableRandom rnd = new SplittableRandom(seed(day, 0x51ED270B27422E4DL));
        long dayStart = day.atStartOfDay(config.zone()).toInstant().toEpochMilli();
        int[] accounts = new int[names.length];
        long[] at = new long[names.length];
        int n = 0;
        for (int rank = 0; rank < names.length; rank++) {
            if (rnd.nextDouble() < pushProbability[rank]) {
                accounts[n] = rank;
                at[n] = dayStart + slotStartMillis[rank] + rnd.nextLong(30 * MINUTE);
                n++;
            }
        }
        return new Publications(java.util.Arrays.copyOf(accounts, n), java.util.Arrays.copyOf(at, n));
    }

    /** Everything the slices of one day share, computed before they run. */
    static final class DayPlan {
        final LocalDate day;
        final long dayStart;
        final long dayLength;
        final int[] articleAccount;
        final long[] articleAt;
        final int[] articleAge;
        final Weighted push;
        final Weighted spread;
        final double pushShare;
        final long reads;
        final long[] followersAtStart;
        final long[] followersAtEnd;
        /** Per account, the clickbait wave it runs today, or null. */
        final ContentIncident.ClickbaitWave[] clickbait;
        final double feedShift;
        final double reportMultiplier;

        DayPlan(LocalDate day, long dayStart, long dayLength, int[] articleAccount, long[] articleAt, int[] articleAge,
                Weighted push, Weighted spread, double pushShare, long reads, long[] followersAtStart,
                long[] followersAtEnd, ContentIncident.ClickbaitWave[] clickbait, double feedShift,
                double reportMultiplier) {
            this.day = day;
            this.dayStart = dayStart;
            this.dayLength = dayLength;
            this.articleAccount = articleAccount;
            this.articleAt = articleAt;
            this.articleAge = articleAge;
            this.push = push;
            this.spread = spread;
            this.pushShare = pushShare;
            this.reads = reads;
            this.followersAtStart = followersAtStart;
            this.followersAtEnd = followersAtEnd;
            this.clickbait = clickbait;
            this.feedShift = feedShift;
            this.reportMultiplier = reportMultiplier;
        }
    }

    private DayPlan plan(LocalDate day, DayPlan yesterday, Map<Long, Publications> published) {
        int n = names.length;
        long dayStart = day.atStartOfDay(config.zone()).toInstant().toEpochMilli();
        long dayLength = day.plusDays(1).atStartOfDay(config.zone()).toInstant().toEpochMilli() - dayStart;
        long[] followersAtStart = yesterday == null ? baseFollowers.clone() : yesterday.followersAtEnd;

        ContentIncident.ClickbaitWave[] clickbait = new ContentIncident.ClickbaitWave[n];
        double feedShift = 0;
        double reportMultiplier = 1;
        for (ContentIncident i : config.incidents()) {
            if (!i.activeOn(day)) {
                continue;
            }
            if (i instanceof ContentIncident.ClickbaitWave w) {
                for (String a : w.accounts()) {
                    Integer r = rankOf.get(a);
                    if (r != null) {
                        clickbait[r] = w;
                    }
                }
            } else if (i instanceof ContentIncident.FeedAlgorithmChange f) {
                feedShift = Math.max(feedShift, f.shift());
            } else if (i instanceof ContentIncident.SpamWave s) {
                reportMultiplier *= s.reportMultiplier();
            }
        }

        published.keySet().removeIf(d -> d <= day.toEpochDay() - ARTICLE_LIFE_DAYS);
        List<Publications> live = new ArrayList<>(ARTICLE_LIFE_DAYS);
        int count = 0;
        for (int age = 0; age < ARTICLE_LIFE_DAYS; age++) {
            LocalDate d = day.minusDays(age);
            Publications p = published.computeIfAbsent(d.toEpochDay(), k -> publications(d));
            live.add(p);
            count += p.accounts().length;
        }
        int[] articleAccount = new int[count];
        long[] articleAt = new long[count];
        int[] articleAge = new int[count];
        double[] pushWeights = new double[count];
        double[] spreadWeights = new double[count];
        double[] pushByAccount = new double[n];
        double[] spreadByAccount = new double[n];
        double pushTotal = 0;
        double spreadTotal = 0;
        double weekend = day.getDayOfWeek().getValue() >= 6 ? WEEKEND_READS : 1;
        int k = 0;
        for (int age = 0; age < ARTICLE_LIFE_DAYS; age++) {
            Publications p = live.get(age);
            for (int j = 0; j < p.accounts().length; j++, k++) {
                int a = p.accounts()[j];
                double boost = clickbait[a] == null ? 1 : clickbait[a].readMultiplier();
                double lifetimePush = followersAtStart[a] * openRate[a] * boost * weekend;
                articleAccount[k] = a;
                articleAt[k] = p.atMillis()[j];
                articleAge[k] = age;
                pushWeights[k] = lifetimePush * PUSH_DECAY[age];
                spreadWeights[k] = lifetimePush * SPREAD_PER_PUSH_READ * SPREAD_DECAY[age];
                pushByAccount[a] += pushWeights[k];
                spreadByAccount[a] += spreadWeights[k];
                pushTotal += pushWeights[k];
                spreadTotal += spreadWeights[k];
            }
        }
        long reads = Math.round(pushTotal + spreadTotal);
        // expected follower growth: follows from spread reads and other scenes, unfollows from push reads
        long[] followersAtEnd = new long[n];
        double otherFollows = reads * OTHER_FOLLOWS;
        double popularityTotal = popularity.total();
        for (int a = 0; a < n; a++) {
            double followFactor = clickbait[a] == null ? 1 : clickbait[a].followFactor();
            double unfollowFactor = clickbait[a] == null ? 1 : clickbait[a].unfollowFactor();
            double net = spreadByAccount[a] * FOLLOW_FROM_SPREAD * followFactor
                    + otherFollows * popularity.weight(a) / popularityTotal * followFactor
                    - pushByAccount[a] * UNFOLLOW_FROM_PUSH * unfollowFactor;
            followersAtEnd[a] = Math.max(0, followersAtStart[a] + Math.round(net));
        }
        return new DayPlan(day, dayStart, dayLength, articleAccount, articleAt, articleAge,
                pushTotal > 0 ? new Weighted(pushWeights) : null, spreadTotal > 0 ? new Weighted(spreadWeights) : null,
                reads == 0 ? 0 : pushTotal / (pushTotal + spreadTotal), reads, followersAtStart, followersAtEnd,
                clickbait, feedShift, reportMultiplier);
    }

    // ---------------------------------------------------------------- one slice of one day

    /** Generates one slice of one planned day; returns the number of events. */
    long slice(DayPlan plan, int slice, ContentEvents sink) {
        SplittableRandom rnd = new SplittableRandom(seed(plan.day, slice + 1L));
        long events = 0;
        for (int i = slice; i < plan.articleAccount.length; i += SLICES) {
            if (plan.articleAge[i] == 0) {
                events += publish(plan, i, rnd, sink);
            }
        }
        long reads = plan.reads / SLICES + (slice < plan.reads % SLICES ? 1 : 0);
        for (long r = 0; r < reads; r++) {
            events += read(plan, rnd, sink);
        }
        long otherFollows = Math.round(reads * OTHER_FOLLOWS);
        for (long f = 0; f < otherFollows; f++) {
            int a = popularity.sample(rnd);
            long t = at(plan, rnd);
            FollowSource source = OTHER_FOLLOW_SOURCES[otherFollowSources.sample(rnd)];
            long reader = readers.sample(rnd);
            if (plan.clickbait[a] == null || rnd.nextDouble() < plan.clickbait[a].followFactor()) {
                sink.follow(t, reader, names[a], types[a], categories[a], source);
                events++;
            }
        }
        events += accounts(plan, slice, rnd, sink);
        for (int a = slice; a < names.length; a += SLICES) {
            sink.followers(plan.dayStart + plan.dayLength - 1, names[a], types[a], categories[a], plan.followersAtEnd[a]);
            events++;
        }
        return events;
    }

    private int publish(DayPlan plan, int article, SplittableRandom rnd, ContentEvents sink) {
        int a = plan.articleAccount[article];
        long t = plan.articleAt[article];
        long audience = plan.followersAtStart[a];
        int events = 1;
        if (audience >= BATCHED_PUSH_FOLLOWERS) { // large pushes go out in two batches
            long first = audience * 85 / 100;
            sink.articlePublished(t, names[a], types[a], verification[a], categories[a], first);
            sink.delivery(Math.min(t + 15 * MINUTE, plan.dayStart + plan.dayLength - 1), names[a], types[a],
                    categories[a], audience - first);
            events++;
            if (ads[a] && rnd.nextDouble() < 0.05) { // a sponsored article, paid per follower reached
                sink.adRevenue(t, names[a], types[a], categories[a], AdFormat.SPONSORED, audience / 2);
                events++;
            }
        } else {
            sink.articlePublished(t, names[a], types[a], verification[a], categories[a], audience);
        }
        return events;
    }

    private int read(DayPlan plan, SplittableRandom rnd, ContentEvents sink) {
        boolean fromPush = rnd.nextDouble() < plan.pushShare;
        int article = fromPush ? plan.push.sample(rnd) : plan.spread.sample(rnd);
        int a = plan.articleAccount[article];
        String name = names[a];
        AccountType type = types[a];
        ContentCategory category = categories[a];
        ContentIncident.ClickbaitWave wave = plan.clickbait[a];
        TrafficSource source;
        if (fromPush) {
            source = plan.feedShift > 0 && rnd.nextDouble() < plan.feedShift
                    ? TrafficSource.RECOMMENDATION_FEED : TrafficSource.CHAT_SESSION;
        } else {
            source = SPREAD_SOURCES[spreadSources.sample(rnd)];
        }
        long t = plan.articleAge[article] == 0 ? afterPush(plan, plan.articleAt[article], rnd) : at(plan, rnd);
        long reader = readers.sample(rnd);
        int c = category.ordinal();
        boolean toEnd = rnd.nextDouble() < COMPLETION[c] * (wave == null ? 1 : wave.completionFactor());
        long readTime = toEnd ? lognormal(rnd, READ_MEDIAN_MILLIS[c], 0.45)
                : lognormal(rnd, READ_MEDIAN_MILLIS[c] * 0.2, 0.9);
        sink.read(t, reader, name, type, category, source, readTime, toEnd);
        int events = 1;
        long after = Math.min(t + readTime, plan.dayStart + plan.dayLength - 1);
        if (rnd.nextDouble() < SHARE * (toEnd ? 1.5 : 0.5)) {
            sink.share(after, name, type, category, rnd.nextDouble() < 0.6 ? ShareTarget.CHAT : ShareTarget.MOMENTS);
            events++;
        }
        if (rnd.nextDouble() < LIKE * (toEnd ? 1.6 : 0.3)) {
            sink.like(after, name, type, category);
            events++;
        }
        if (rnd.nextDouble() < COMMENT * (toEnd ? 2 : 0.2)) {
            sink.comment(after, name, type, category);
            events++;
        }
        if (rnd.nextDouble() < FAVORITE * (toEnd ? 1.7 : 0.3)) {
            sink.favorite(after, name, type, category);
            events++;
        }
        if (toEnd && rnd.nextDouble() < TIP) {
            sink.tip(after, name, type, category, 100 * Math.max(1, Math.round(lognormal(rnd, 5, 0.9))));
            events++;
        }
        if (fromPush) {
            if (rnd.nextDouble() < UNFOLLOW_FROM_PUSH * (wave == null ? 1 : wave.unfollowFactor())) {
                sink.unfollow(after, name, type, category, FOLLOW_SOURCES[acquisition.sample(rnd)]);
                events++;
            }
        } else if (rnd.nextDouble() < FOLLOW_FROM_SPREAD * (wave == null ? 1 : wave.followFactor())) {
            sink.follow(after, reader, name, type, category, FollowSource.ARTICLE);
            events++;
        }
        if (ads[a]) {
            events += ads(after, name, type, category, toEnd, rnd, sink);
        }
        double report = REPORT * plan.reportMultiplier * (wave == null ? 1 : 6);
        if (rnd.nextDouble() < report) {
            ReportReason reason;
            if (plan.reportMultiplier > 1 && rnd.nextDouble() < 0.8) {
                reason = ReportReason.SPAM;
            } else if (wave != null && rnd.nextDouble() < 0.7) {
                reason = ReportReason.MISLEADING;
            } else {
                reason = REPORT_REASONS[reportReasons.sample(rnd)];
            }
            sink.report(after, name, type, category, reason);
            events++;
        }
        return events;
    }

    private static int ads(long t, String name, AccountType type, ContentCategory category, boolean toEnd,
                           SplittableRandom rnd, ContentEvents sink) {
        int events = 0;
        if ((toEnd || rnd.nextDouble() < 0.5) && rnd.nextDouble() < 0.6) {
            events += ad(t, name, type, category, AdFormat.MID_ARTICLE, 0.008, rnd, sink);
        }
        if (toEnd && rnd.nextDouble() < 0.9) {
            events += ad(t, name, type, category, AdFormat.BOTTOM, 0.012, rnd, sink);
        }
        if (rnd.nextDouble() < 0.04) {
            events += ad(t, name, type, category, AdFormat.VIDEO_PATCH, 0.005, rnd, sink);
        }
        return events;
    }

    private static int ad(long t, String name, AccountType type, ContentCategory category, AdFormat format,
                          double ctr, SplittableRandom rnd, ContentEvents sink) {
        sink.adImpression(t, name, type, category, format);
        if (rnd.nextDouble() >= ctr) {
            return 1;
        }
        sink.adClick(t, name, type, category, format);
        sink.adRevenue(t, name, type, category, format, lognormal(rnd, 40, 0.6)); // billed per click, fen
        return 3;
    }

    /** New accounts (and their verification reviews) and yearly renewal reviews of existing ones. */
    private int accounts(DayPlan plan, int slice, SplittableRandom rnd, ContentEvents sink) {
        int events = 0;
        long simulationEnd = config.lastDay().plusDays(1).atStartOfDay(config.zone()).toInstant().toEpochMilli();
        int created = Math.max(1, names.length / 400);
        for (int i = slice; i < created; i += SLICES) {
            String name = "gh_n" + plan.day.toEpochDay() + "_" + i;
            double u = rnd.nextDouble();
            AccountType type = u < 0.8 ? AccountType.SUBSCRIPTION : u < 0.95 ? AccountType.SERVICE : AccountType.ENTERPRISE;
            long t = at(plan, rnd);
            sink.accountCreated(t, name, type, CATEGORIES[categoryMix.sample(rnd)]);
            events++;
            if (rnd.nextDouble() < 0.4) {
                long reviewed = t + (1 + rnd.nextLong(4)) * 24 * HOUR;
                boolean approved = rnd.nextDouble() < 0.85;
                if (reviewed < simulationEnd) {
                    sink.accountVerified(reviewed, name, type, approved);
                    events++;
                }
            }
        }
        for (int a = slice + SLICES * (int) Math.floorMod(plan.day.toEpochDay(), 365L); a < names.length;
             a += SLICES * 365) {
            sink.accountVerified(at(plan, rnd), names[a], types[a], rnd.nextDouble() < 0.95);
            events++;
        }
        return events;
    }

    // ---------------------------------------------------------------- times and draws

    /** A read of the push on its day: exponentially delayed after publishing, within the day. */
    private static long afterPush(DayPlan plan, long publishedAt, SplittableRandom rnd) {
        long left = plan.dayStart + plan.dayLength - publishedAt;
        if (left <= 0) {
            return plan.dayStart + plan.dayLength - 1;
        }
        long delay = (long) (-Math.log(1 - rnd.nextDouble()) * PUSH_DELAY_MEAN_MILLIS);
        return publishedAt + delay % left;
    }

    /** A time on the day's reading curve. */
    private long at(DayPlan plan, SplittableRandom rnd) {
        int hour = readHours.sample(rnd);
        long offset = hour * HOUR + rnd.nextLong(HOUR);
        return plan.dayStart + Math.min(offset, plan.dayLength - 1); // a 23-hour day folds its last hour
    }

    private long seed(LocalDate day, long stream) {
        return config.seed() * 0x9E3779B97F4A7C15L + day.toEpochDay() * 0xBF58476D1CE4E5B9L
                + stream * 0x94D049BB133111EBL;
    }

    private static long lognormal(SplittableRandom rnd, double median, double sigma) {
        return Math.max(1, Math.round(median * Math.exp(sigma * gaussian(rnd))));
    }

    /** A standard normal draw by Box-Muller, from one stream (SplittableRandom has no nextGaussian in 17). */
    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static double gaussian(long bits) {
        double u = 1 - Bits.unit(bits);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * Bits.unit(Bits.mix(bits)));
    }
}
