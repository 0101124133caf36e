package dev.northstar.benchmarks;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.MetricKind;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.EnumDimension;
import dev.northstar.metrics.registry.AdditiveMetric;
import dev.northstar.metrics.registry.Bucket;
import dev.northstar.metrics.registry.DistinctMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.FunnelMetric;
import dev.northstar.metrics.registry.Metric;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.RatioMetric;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.snapshot.Snapshot;
import dev.northstar.metrics.snapshot.SnapshotCodec;
import dev.northstar.payments.PaymentsCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One service instance's registry for the query-side benchmarks ({@link SnapshotBenchmark}): the
 * payments catalog ({@link PaymentsCatalog}, all 24 stored metrics and 10 derived ones), with
 * every combination of its dimensions' values recorded on each of the last {@code days} days of
 * ISO week 2026-W47, so that each of those days holds exactly {@value #SERIES} series.
 *
 * <p>Why 11,152: the open dimensions take {@value #REGION_COUNT} regions and {@value #BANK_COUNT}
 * banks, the enum dimensions all their values (6 channels, 4 funding sources, 10 merchant
 * categories, 6 failure reasons); summed over the stored metrics' dimension lists that is
 * {@code regions × (59 × banks + 461)} = 16 × 697 series: 5,104 counts, 4,208 sums, 1,696
 * ratios, 96 latency distributions (HdrHistogram, µs, one-minute range, 2 digits), 32 HLL
 * distinct counts (payers, merchants) and 16 two-step activation funnels (Theta).
 *
 * <p>What each series receives per day: counts 1..1,000 events; sums 1 to 100,000 CNY in fen;
 * ratios 1..1,000 attempts at about 97 % success; each latency series 1,000 latencies,
 * log-uniform between 10 ms and 10 s; active payers 5,000 ids per region from 2,000,000 (the
 * sketches are in HLL mode, 4 KB), active merchants 500 per region from 100,000 (set mode);
 * activation 300 accounts opened per region, half of them paying (exact Theta mode).
 *
 * <p>The clock stands at noon on the Wednesday after the week, so every recorded day is a day
 * bucket (older than the 48 hours kept by the hour), as it is for a weekly report. Recording is
 * single-threaded: each cell has one stripe.
 *
 * <p>{@code main} writes what is in the data set, including the bytes of its encoded snapshot, to
 * the JSON that {@code scripts/table.py --query} renders:
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.northstar.benchmarks.PaymentsInstance \
 *     benchmarks/results/query-data.json
 * }</pre>
 */
final class PaymentsInstance {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The Sunday that ends ISO week 2026-W47; data is recorded on the days up to and including it. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = LAST_DAY.plusDays(3).atTime(12, 0).atZone(ZONE).toInstant();
    static final int REGION_COUNT = 16;
    static final int BANK_COUNT = 4;
    static final List<String> REGIONS = List.of("guangdong", "zhejiang", "jiangsu", "shandong", "henan", "sichuan",
            "hubei", "fujian", "hunan", "anhui", "shanghai", "beijing", "hebei", "shaanxi", "jiangxi", "chongqing");
    static final List<String> BANKS = List.of("ICBC", "CCB", "ABC", "BOC");
    /** Series per recorded day. */
    static final int SERIES = 11_152;
    /** The day counts the benchmarks run with: one day bucket per series, and a full week. */
    static final int[] DAYS = {1, 7};

    private static final int LATENCIES_PER_SERIES = 1_000;
    private static final int PAYERS_PER_REGION = 5_000;
    private static final int PAYER_POPULATION = 2_000_000;
    private static final int MERCHANTS_PER_REGION = 500;
    private static final int MERCHANT_POPULATION = 100_000;
    private static final int ACCOUNTS_OPENED_PER_REGION = 300;

    final PaymentsCatalog catalog;
    final MetricRegistry registry;

    private PaymentsInstance(PaymentsCatalog catalog, MetricRegistry registry) {
        this.catalog = catalog;
        this.registry = registry;
    }

    /** A registry of the payments catalog with {@code days} days of data, drawn from {@code seed}. */
    static PaymentsInstance record(long seed, int days) {
        MetricRegistry registry = MetricRegistry.builder().zone(ZONE).clock(() -> NOW).build();
        PaymentsCatalog catalog = PaymentsCatalog.create("CNY");
        catalog.register(registry);
        PaymentsInstance instance = new PaymentsInstance(catalog, registry);
        SplittableRandom random = new SplittableRandom(seed);
        for (int d = days - 1; d >= 0; d--) {
            long noon = LAST_DAY.minusDays(d).atTime(12, 0).atZone(ZONE).toInstant().toEpochMilli();
            Bucket bucket = registry.bucketAt(noon);
            for (MetricDefinition<?> def : catalog.definitions()) {
                if (def.kind() == MetricKind.DERIVED) {
                    continue;
                }
                Metric metric = registry.metric(def.name()).orElseThrow();
                for (Object[] values : combinations(def.dimensions())) {
                    instance.recordDay(metric, bucket, metric.series(values), random);
                }
            }
        }
        return instance;
    }

    /** One day of one series, as the class documentation says. */
    private void recordDay(Metric metric, Bucket bucket, int series, SplittableRandom random) {
        if (metric instanceof AdditiveMetric additive) {
            boolean money = metric.definition().kind() == MetricKind.SUM;
            additive.add(bucket, series, money ? 1 + random.nextLong(10_000_000) : 1 + random.nextInt(1_000));
        } else if (metric instanceof RatioMetric ratio) {
            long attempts = 1 + random.nextInt(1_000);
            ratio.record(bucket, series, attempts - random.nextLong(attempts / 16 + 1), attempts);
        } else if (metric instanceof DistributionMetric latency) {
            for (int i = 0; i < LATENCIES_PER_SERIES; i++) {
                latency.record(bucket, series, (long) Math.pow(10, 4 + 3 * random.nextDouble()));
            }
        } else if (metric instanceof DistinctMetric distinct) {
            boolean payers = metric.name().equals(catalog.activePayers.name());
            int ids = payers ? PAYERS_PER_REGION : MERCHANTS_PER_REGION;
            int population = payers ? PAYER_POPULATION : MERCHANT_POPULATION;
            for (int i = 0; i < ids; i++) {
                distinct.add(bucket, series, random.nextInt(population));
            }
        } else if (metric instanceof FunnelMetric funnel) {
            for (int i = 0; i < ACCOUNTS_OPENED_PER_REGION; i++) {
                long account = random.nextLong();
                funnel.step(bucket, series, 0, account);
                if (random.nextBoolean()) {
                    funnel.step(bucket, series, 1, account);
                }
            }
        } else {
            throw new IllegalStateException("the payments catalog has no " + metric.definition().kind() + " metric");
        }
    }

    /** Every combination of the dimensions' values: this class's regions and banks, every enum constant. */
    private static List<Object[]> combinations(List<Dimension<?>> dimensions) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[0]);
        for (Dimension<?> d : dimensions) {
            List<?> values = d instanceof EnumDimension<?> e ? Arrays.asList(e.enumType().getEnumConstants())
                    : d.name().equals("region") ? REGIONS
                    : d.name().equals("bank") ? BANKS
                    : null;
            if (values == null) {
                throw new IllegalStateException("no values for dimension " + d.name());
            }
            List<Object[]> next = new ArrayList<>(out.size() * values.size());
            for (Object[] prefix : out) {
                for (Object v : values) {
                    Object[] longer = Arrays.copyOf(prefix, prefix.length + 1);
                    longer[prefix.length] = v;
                    next.add(longer);
                }
            }
            out = next;
        }
        return out;
    }

    /** Series per day bucket of a snapshot, by bucket start. */
    static Map<Long, Integer> seriesPerDay(Snapshot snapshot) {
        Map<Long, Integer> out = new TreeMap<>();
        for (Snapshot.MetricData data : snapshot.metrics().values()) {
            for (SeriesCells bucket : data.buckets()) {
                if (!bucket.day()) {
                    throw new IllegalStateException("fine bucket in " + data.definition().name());
                }
                out.merge(bucket.startMillis(), bucket.series().size(), Integer::sum);
            }
        }
        return out;
    }

    /**
     * Fails unless every one of {@code days} day buckets of {@code snapshot} holds exactly
     * {@value #SERIES} series.
     */
    static void checkSeries(Snapshot snapshot, int days, String what) {
        Map<Long, Integer> perDay = seriesPerDay(snapshot);
        if (perDay.size() != days || perDay.values().stream().anyMatch(n -> n != SERIES)) {
            throw new IllegalStateException(what + ": expected " + days + " day buckets of " + SERIES
                    + " series, found " + perDay);
        }
    }

    /** Writes the data sets' description, for each day count, as JSON to {@code args[0]} (and stdout). */
    public static void main(String[] args) throws IOException {
        StringBuilder json = new StringBuilder("{\n  \"series\": " + SERIES + ",\n  \"regions\": " + REGION_COUNT
                + ",\n  \"banks\": " + BANK_COUNT + ",\n  \"sets\": [\n");
        for (int i = 0; i < DAYS.length; i++) {
            json.append(describe(DAYS[i])).append(i + 1 < DAYS.length ? ",\n" : "\n");
        }
        json.append("  ]\n}\n");
        System.out.print(json);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), json);
        }
    }

    /** One data set: series and encoded bytes per metric kind (each kind's metrics encoded alone). */
    private static String describe(int days) {
        long start = System.nanoTime();
        Snapshot snapshot = record(1, days).registry.snapshot();
        checkSeries(snapshot, days, "data set of " + days + " day(s)");
        Map<String, Map<String, Snapshot.MetricData>> byKind = new TreeMap<>();
        Map<String, Integer> seriesByKind = new TreeMap<>();
        for (Map.Entry<String, Snapshot.MetricData> e : snapshot.metrics().entrySet()) {
            MetricDefinition<?> d = e.getValue().definition();
            String kind = kindLabel(d);
            byKind.computeIfAbsent(kind, k -> new TreeMap<>()).put(e.getKey(), e.getValue());
            int series = e.getValue().buckets().isEmpty() ? 0 : e.getValue().buckets().get(0).series().size();
            seriesByKind.merge(kind, series, Integer::sum);
        }
        StringBuilder kinds = new StringBuilder();
        for (Map.Entry<String, Map<String, Snapshot.MetricData>> e : byKind.entrySet()) {
            Snapshot part = new Snapshot(snapshot.zone(), snapshot.grainMillis(), snapshot.fineRetentionBuckets(),
                    snapshot.dayRetention(), snapshot.takenAtMillis(), e.getValue());
            kinds.append(String.format(Locale.ROOT,
                    "%n      {\"kind\": \"%s\", \"metrics\": %d, \"series\": %d, \"encodedBytes\": %d},",
                    e.getKey(), e.getValue().size(), seriesByKind.get(e.getKey()), SnapshotCodec.encode(part).length));
        }
        kinds.setLength(kinds.length() - 1);
        System.err.printf(Locale.ROOT, "%d day(s): recorded and described in %d ms%n", days,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return String.format(Locale.ROOT, "    {\"days\": %d, \"metrics\": %d, \"cells\": %d, \"encodedBytes\": %d,"
                        + " \"kinds\": [%s%n    ]}",
                days, snapshot.metrics().size(), seriesPerDay(snapshot).values().stream().mapToInt(n -> n).sum(),
                SnapshotCodec.encode(snapshot).length, kinds);
    }

    /** The kind as the tables name it: distinct counts by their sketch. */
    private static String kindLabel(MetricDefinition<?> d) {
        return switch (d.kind()) {
            case DISTINCT -> d.setOperations() ? "distinct (Theta)" : "distinct (HLL)";
            case FUNNEL -> "funnel (Theta)";
            case DISTRIBUTION -> "distribution (HdrHistogram)";
            default -> d.kind().name().toLowerCase(Locale.ROOT);
        };
    }
}
