package dev.northstar.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.northstar.metrics.registry.MetricRegistry;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The hot-path rule: once warm, recording an event allocates nothing. */
class ContentRecorderAllocationTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-15T04:30:00Z");
    static final long AT = NOW.minusSeconds(600).toEpochMilli(); // in the current hour bucket
    static final String[] ACCOUNTS = {"gh_a", "gh_b", "gh_c", "gh_tail_past_the_limit"};
    static final TrafficSource[] SOURCES = TrafficSource.values();

    private static void everyEvent(ContentRecorder r, int i) {
        String account = ACCOUNTS[i & 3];
        AccountType type = AccountType.SUBSCRIPTION;
        ContentCategory category = ContentCategory.FINANCE;
        long reader = i & 63;
        r.accountCreated(AT, account, type, category);
        r.accountVerified(AT, account, type, (i & 1) == 0);
        r.articlePublished(AT, account, type, VerificationState.VERIFIED, category, 1_000);
        r.delivery(AT, account, type, category, 10);
        r.read(AT, reader, account, type, category, SOURCES[i % SOURCES.length], 40_000 + i, (i & 1) == 0);
        r.share(AT, account, type, category, ShareTarget.CHAT);
        r.like(AT, account, type, category);
        r.comment(AT, account, type, category);
        r.favorite(AT, account, type, category);
        r.follow(AT, reader, account, type, category, FollowSource.SEARCH);
        r.unfollow(AT, account, type, category, FollowSource.SEARCH);
        r.followers(AT + i, account, type, category, 1_000 + i);
        r.tip(AT, account, type, category, 500);
        r.adImpression(AT, account, type, category, AdFormat.MID_ARTICLE);
        r.adClick(AT, account, type, category, AdFormat.MID_ARTICLE);
        r.adRevenue(AT, account, type, category, AdFormat.MID_ARTICLE, 40);
        r.report(AT, account, type, category, ReportReason.SPAM);
    }

    @Test
    void recordingEveryEventAllocatesNothingOnceWarm() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).build();
        ContentCatalog catalog = ContentCatalog.create("CNY", 3); // the fourth account folds into (other)
        ContentRecorder recorder = catalog.register(registry);
        // warm-up: every series, cell, stripe and sketch entry exists, and the code is compiled
        for (int i = 0; i < 200_000; i++) {
            everyEvent(recorder, i & 1023);
        }

        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 50_000; i++) {
            everyEvent(recorder, i & 1023);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated).as("bytes allocated by 50,000 x 17 events").isLessThan(16_384);
        assertThat(registry.health().totalRefused()).isZero();
    }
}
