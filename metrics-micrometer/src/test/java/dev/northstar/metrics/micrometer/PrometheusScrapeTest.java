package dev.northstar.metrics.micrometer;

import static dev.northstar.metrics.micrometer.Shop.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.micrometer.Shop.Channel;
import dev.northstar.metrics.micrometer.Shop.Region;
import dev.northstar.metrics.report.OpenMetricsText;
import dev.northstar.metrics.time.Window;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bridge behind a real Micrometer Prometheus registry, as a host on Prometheus runs it: the
 * names it scrapes are the ones {@link OpenMetricsText} writes, and a series registered in the
 * middle of a scrape (first recorded after binding) neither breaks that scrape nor is lost.
 */
class PrometheusScrapeTest {
    private final Shop shop = new Shop();
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void theScrapedNamesAreTheOnesOpenMetricsTextWrites() {
        shop.busyDay(DAY, 60);
        List<String> metrics = List.of("orders", "gmv", "pay_success", "checkout_latency", "buyers");
        NorthstarMetrics.builder(shop.registry).metrics(metrics).refreshEvery(Duration.ZERO).build().bindTo(prometheus);

        Set<String> scraped = names(prometheus.scrape());
        Set<String> written = names(OpenMetricsText.render(shop.registry, Window.day(DAY), metrics));

        assertThat(scraped).containsAll(written.stream()
                .filter(n -> !n.equals("northstar_checkout_latency_milliseconds_count")
                        && !n.equals("northstar_checkout_latency_milliseconds_sum")).toList());
        assertThat(prometheus.scrape()).contains("northstar_orders_total 60.0",
                "northstar_pay_success_numerator_total 48.0", "northstar_pay_success 0.8",
                "northstar_checkout_latency_milliseconds{quantile=\"0.99\"} 79.0",
                "northstar_checkout_latency_count_total 60.0");
    }

    @Test
    void aSeriesFirstSeenDuringAScrapeIsRegisteredAndScrapedNextTime() {
        shop.order(Shop.millis(DAY, LocalTime.of(10, 0)), Region.EAST, Channel.APP, 1, 900, true, 25);
        NorthstarMetrics.builder(shop.registry).groupBy("region").refreshEvery(Duration.ZERO).build()
                .bindTo(prometheus);
        NorthstarScorecardMetrics.builder(shop.tree(), shop.registry).refreshEvery(Duration.ZERO).build()
                .bindTo(prometheus);
        assertThat(prometheus.scrape()).doesNotContain("region=\"WEST\"");

        shop.order(Shop.millis(DAY, LocalTime.of(10, 1)), Region.WEST, Channel.WEB, 2, 800, true, 25);
        prometheus.scrape();

        assertThat(prometheus.scrape()).contains("northstar_orders_total{region=\"WEST\"} 1.0",
                "northstar_gmv_total{region=\"WEST\"} 800.0",
                "northstar_scorecard_value{node=\"gmv\",role=\"north_star\",tree=\"gmv\"} 1700.0");
    }

    private static Set<String> names(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
