package dev.northstar.metrics.micrometer;

import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * What both binders' builders set the same way: the window, the name prefix, extra tags, the
 * refresh interval and the logger.
 *
 * @param <B> the builder, so each setter returns it
 */
abstract class BinderSettings<B extends BinderSettings<B>> {
    Function<LocalDate, Window> window = Window::day;
    String prefix = NorthstarMetrics.DEFAULT_PREFIX;
    Tags tags = Tags.empty();
    Duration refreshEvery = Duration.ofSeconds(1);
    Logger logger;

    BinderSettings(Logger logger) {
        this.logger = logger;
    }

    abstract B self();

    /**
     * The window, given today's date in the registry's zone (by its clock): {@code Window::day}
     * (the default), {@code Window::isoWeek}, {@code today -> Window.trailingDays(7, today)}...
     */
    public B window(Function<LocalDate, Window> window) {
        this.window = Objects.requireNonNull(window, "window");
        return self();
    }

    /** The meter name prefix, {@code northstar.} by default; may be empty. */
    public B prefix(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        return self();
    }

    /** Extra tags on every meter (the host's common tags are added by its registry as usual). */
    public B tags(Iterable<Tag> tags) {
        this.tags = Tags.of(tags);
        return self();
    }

    /** Extra tags on every meter, as key-value pairs. */
    public B tags(String... keyValues) {
        return tags(Tags.of(keyValues));
    }

    /**
     * How long a refresh is reused, in the registry's clock: 1 s by default, so one scrape costs
     * one refresh; zero refreshes at every poll.
     *
     * @throws IllegalArgumentException if negative
     */
    public B refreshEvery(Duration every) {
        if (every.isNegative()) {
            throw new IllegalArgumentException("the refresh interval must not be negative, was " + every);
        }
        this.refreshEvery = every;
        return self();
    }

    /** Where failures are logged; by default the binder class's logger. */
    public B logger(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
        return self();
    }

    /** The window of today, by the registry's clock in its zone. */
    static Window windowNow(MetricRegistry registry, Function<LocalDate, Window> window) {
        return Objects.requireNonNull(window.apply(today(registry)), "the window function returned null");
    }

    /** Today in the registry's zone, by its clock. */
    static LocalDate today(MetricRegistry registry) {
        return LocalDate.ofInstant(registry.clock().instant(), registry.zone());
    }
}
