package dev.northstar.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The catalog's definitions, and the identities a metric tree built on them relies on. */
class ContentCatalogTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 14);
    static final long DAY_START = DAY.atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
    static final Instant NOW = DAY.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    static final String[] ACCOUNTS = {"gh_a", "gh_b", "gh_c"};

    @Test
    void everyDefinitionRegistersAndDerivedOnesReferToStoredOnes() {
        ContentCatalog catalog = ContentCatalog.create("CNY");
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).build();
        catalog.register(registry);

        List<MetricDefinition<?>> defs = catalog.definitions();
        assertThat(defs).extracting(MetricDefinition::name).doesNotHaveDuplicates();
        assertThat(registry.definitions()).containsExactlyElementsOf(defs);
        for (MetricDefinition<?> d : defs) {
            assertThat(d.stakeholders()).as(d.name()).isNotEmpty();
            if (d.kind() == MetricKind.DERIVED) {
                for (String ref : d.formula().references()) {
                    MetricDefinition<?> part = registry.metric(ref).orElseThrow().definition();
                    assertThat(part.dimensions()).as(d.name() + " needs every dimension in " + ref)
                            .containsAll(d.dimensions());
                }
            }
        }
        // read time by account type and category only: a histogram per series, and by source too
        // the slice had seven times as many (the catalog's javadoc says why)
        assertThat(catalog.readTime.dimensions()).extracting(Dimension::name)
                .containsExactly("account_type", "content_category");
        // the North Star slices by account, source and category, with room for every account in every source
        assertThat(catalog.engagedReads.dimensions()).extracting(Dimension::name)
                .contains("account", "traffic_source", "content_category");
        assertThat(catalog.engagedReads.seriesLimit())
                .isGreaterThanOrEqualTo(catalog.account.size() * catalog.source.size());
        assertThat(ContentCatalog.READS_FORMULA.references())
                .containsExactly("deliveries", "read_rate", "spread_reads");
    }

    @Test
    void theTreeMetricsPointTheWayTheyShould() {
        ContentCatalog c = ContentCatalog.create("CNY");
        assertThat(List.of(c.unfollowsPerFollower, c.reportRate, c.adLoad, c.unfollows, c.reports))
                .allSatisfy(d -> assertThat(d.direction()).as(d.name())
                        .isEqualTo(dev.northstar.metrics.definition.Direction.LOWER_IS_BETTER));
        assertThat(List.of(c.engagedReads, c.reads, c.readRate, c.readCompletionRate, c.followerRetention))
                .allSatisfy(d -> assertThat(d.direction()).as(d.name())
                        .isEqualTo(dev.northstar.metrics.definition.Direction.HIGHER_IS_BETTER));
        assertThat(c.followerRetention.retentionDays()).containsExactly(1, 7, 30);
        assertThat(c.tipAmount.currency()).isEqualTo("CNY");
    }

    /** One generated event: a delivery or a read of an account, from a source. */
    record Event(boolean delivery, int account, TrafficSource source, long amount, boolean toEnd) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Event> deliveries = Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.longs().between(0, 50_000))
                .as((a, n) -> new Event(true, a, null, n, false));
        Arbitrary<Event> reads = Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.of(TrafficSource.class).injectNull(0.05), Arbitraries.of(true, false))
                .as((a, s, end) -> new Event(false, a, s, 0, end));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, deliveries), net.jqwik.api.Tuple.of(6, reads)).list().ofMaxSize(300);
    }

    @Property(tries = 60)
    void readsAreDeliveriesTimesReadRatePlusSpreadReadsForEveryAccount(@ForAll("events") List<Event> events) {
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).build();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);
        Map<String, Long> reads = new HashMap<>();
        Map<String, Long> delivered = new HashMap<>();
        Map<String, Long> pushReads = new HashMap<>();
        long t = DAY_START;
        for (Event e : events) {
            String account = ACCOUNTS[e.account()];
            t += 1_000;
            if (e.delivery()) {
                recorder.delivery(t, account, AccountType.SUBSCRIPTION, ContentCategory.NEWS, e.amount());
                delivered.merge(account, e.amount(), Long::sum);
            } else {
                recorder.read(t, 1, account, AccountType.SUBSCRIPTION, ContentCategory.NEWS, e.source(), 1_000,
                        e.toEnd());
                reads.merge(account, 1L, Long::sum);
                if (e.source() == TrafficSource.CHAT_SESSION) {
                    pushReads.merge(account, 1L, Long::sum);
                }
            }
        }

        Map<String, Map<String, OptionalDouble>> parts = new HashMap<>();
        for (String metric : ContentCatalog.READS_FORMULA.references()) {
            QueryResult r = registry.query(Query.of(metric).window(Window.day(DAY)).groupBy("account"));
            for (Row row : r.rows()) {
                parts.computeIfAbsent(row.group().get("account"), k -> new HashMap<>()).put(metric, row.value().value());
            }
        }
        for (String account : reads.keySet()) {
            Map<String, OptionalDouble> p = parts.get(account);
            // a metric without a row for the account had nothing recorded: zero
            OptionalDouble modelled = ContentCatalog.READS_FORMULA.evaluate(
                    m -> p.getOrDefault(m, OptionalDouble.of(0)));
            if (delivered.getOrDefault(account, 0L) == 0 && pushReads.containsKey(account)) {
                assertThat(modelled).as("%s: reads of a push never delivered have no read rate", account).isEmpty();
            } else {
                assertThat(modelled).as(account).isPresent();
                assertThat(modelled.getAsDouble()).as(account).isCloseTo(reads.get(account), within(1e-6));
            }
        }
        Value total = registry.query(Query.of("reads").window(Window.day(DAY))).value();
        assertThat(total).isEqualTo(new Value.Count(reads.values().stream().mapToLong(Long::longValue).sum()));
    }

    @Property(tries = 40)
    void netFollowerGrowthIsFollowsMinusUnfollows(@ForAll("follows") List<Boolean> followed) {
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).build();
        ContentRecorder recorder = ContentCatalog.create("CNY").register(registry);
        long t = DAY_START;
        long net = 0;
        for (boolean f : followed) {
            t += 1_000;
            if (f) {
                recorder.follow(t, t, "gh_a", AccountType.SERVICE, ContentCategory.HEALTH, FollowSource.QR_CODE);
                net++;
            } else {
                recorder.unfollow(t, "gh_a", AccountType.SERVICE, ContentCategory.HEALTH, FollowSource.QR_CODE);
                net--;
            }
        }

        Value v = registry.query(Query.of("net_follower_growth").window(Window.day(DAY))).value();
        assertThat(v.value()).hasValue(net);
    }

    @Provide
    Arbitrary<List<Boolean>> follows() {
        return Arbitraries.of(true, false).list().ofMaxSize(200);
    }
}
