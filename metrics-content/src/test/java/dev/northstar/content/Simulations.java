package dev.northstar.content;

import dev.northstar.metrics.registry.MetricRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;

/** Small simulated platforms for the tests, and a way to watch the events they produce. */
final class Simulations {
    /** A Monday. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);

    private Simulations() {
    }

    /** Ten days from Monday 2026-11-02, 20,000 reads a day, 600 accounts, 100,000 readers. */
    static ContentSimulator.Config small(long seed) {
        return ContentSimulator.Config.defaults(seed).withDays(FIRST_DAY, 10).withReadsPerDay(20_000)
                .withPopulation(600, 100_000);
    }

    /**
     * A registry whose clock stands at the end of the simulation, keeping one hour of fine buckets
     * so that every simulated day is a day bucket (queries here are by day or longer).
     */
    static MetricRegistry registry(ContentSimulator.Config cfg) {
        Instant end = cfg.lastDay().plusDays(1).atStartOfDay(cfg.zone()).toInstant();
        return MetricRegistry.builder().zone(cfg.zone()).clock(() -> end).fineRetention(Duration.ofHours(1)).build();
    }

    /** Runs {@code cfg} into a fresh catalog and registry. */
    static MetricRegistry run(ContentSimulator.Config cfg, int threads) {
        MetricRegistry registry = registry(cfg);
        new ContentSimulator(cfg).run(ContentCatalog.create("CNY").register(registry), threads);
        return registry;
    }

    /**
     * A sink that hands every event to {@code watcher} (method name and arguments, from the
     * simulator's threads) and then to {@code delegate}.
     */
    static ContentEvents tee(ContentEvents delegate, BiConsumer<String, Object[]> watcher) {
        return (ContentEvents) Proxy.newProxyInstance(ContentEvents.class.getClassLoader(),
                new Class<?>[] {ContentEvents.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(delegate, args);
                    }
                    watcher.accept(method.getName(), args);
                    return invoke(method, delegate, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Names of the first {@code n} subscription accounts at or below popularity rank {@code from}. */
    static List<String> subscriptionAccounts(ContentSimulator sim, int from, int n) {
        return sim.topAccounts(sim.config().accounts()).stream().skip(from)
                .filter(a -> sim.typeOf(a) == AccountType.SUBSCRIPTION).limit(n).toList();
    }
}
