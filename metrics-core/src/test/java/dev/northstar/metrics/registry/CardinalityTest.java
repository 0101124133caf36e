package dev.northstar.metrics.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.Calendar;
import dev.northstar.metrics.Channel;
import dev.northstar.metrics.ManualClock;
import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.QueryResult;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.time.Window;
import org.junit.jupiter.api.Test;

/** Cardinality explosions: open dimensions past their limit, metrics past their series limit. */
class CardinalityTest {
    private final ManualClock clock = new ManualClock(Calendar.at(12, 30));
    private final MetricRegistry registry = Calendar.registry(clock);
    private final long at = Calendar.millis(12, 0);

    private QueryResult today(Metric m, String... groupBy) {
        return registry.query(Query.of(m).window(Window.day(Calendar.DAY)).groupBy(groupBy));
    }

    private static Value value(QueryResult r, String... labels) {
        return r.row(labels).map(Row::value).orElseThrow();
    }

    @Test
    void foldsValuesPastTheOpenDimensionsLimitIntoOtherAndCountsThem() {
        OpenDimension merchant = Dimension.open("merchant", 2);
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("Payments")
                .dimensions(merchant).build());

        for (String m : new String[] {"m1", "m2", "m3", "m4", "m3", "m1"}) {
            payments.increment(payments.series(m), at);
        }

        QueryResult r = today(payments, "merchant");
        assertThat(value(r, "m1")).isEqualTo(new Value.Count(2));
        assertThat(value(r, "m2")).isEqualTo(new Value.Count(1));
        assertThat(value(r, Dimension.OTHER)).isEqualTo(new Value.Count(3));
        assertThat(today(payments).value()).isEqualTo(new Value.Count(6));
        assertThat(registry.health().foldedByDimension()).containsEntry("merchant", 3L);
        assertThat(registry.health().totalRefused()).isZero();
    }

    @Test
    void foldsSeriesPastTheSeriesLimitIntoTheOverflowSeriesKeepingTotalsExact() {
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("Payments")
                .dimensions(Dimension.open("merchant", 100), Dimension.of("channel", Channel.class))
                .seriesLimit(3).build());

        String[] merchants = {"m1", "m2", "m3", "m4", "m5"};
        for (int round = 1; round <= 2; round++) {
            for (String m : merchants) {
                payments.add(payments.series(m, Channel.IN_APP), round, at);
            }
        }

        QueryResult r = today(payments, "merchant", "channel");
        assertThat(r.rows()).hasSize(4);
        assertThat(value(r, "m1", "IN_APP")).isEqualTo(new Value.Count(3));
        assertThat(value(r, "m3", "IN_APP")).isEqualTo(new Value.Count(3));
        assertThat(value(r, Dimension.OTHER, Dimension.OTHER)).isEqualTo(new Value.Count(6));
        assertThat(today(payments).value()).isEqualTo(new Value.Count(15));
        Health h = registry.health();
        assertThat(h.foldedSeriesByMetric()).containsEntry("payments", 4L);   // m4, m5, twice each
        assertThat(h.seriesByMetric()).containsEntry("payments", 4);          // three series and the overflow
        assertThat(h.totalRefused()).isZero();
    }

    @Test
    void resolvesEveryCombinationByArithmeticWhenTheKeySpaceFitsTheLimit() {
        CountMetric payments = registry.register(MetricDefinition.count("payments").description("Payments")
                .dimensions(Dimension.of("channel", Channel.class), Dimension.bool("cross_border")).build());

        assertThat(payments.series(Channel.QR_SCAN, false)).isZero();
        assertThat(payments.series(Channel.IN_APP, true)).isEqualTo(1 * 3 + 1);
        assertThat(payments.series(null, null)).isEqualTo(4 * 3 - 1);
        assertThat(registry.health().seriesByMetric()).containsEntry("payments", 12);
    }
}
