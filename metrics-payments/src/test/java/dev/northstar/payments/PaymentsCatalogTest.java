package dev.northstar.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.Row;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which metrics of the catalog share their series, and that a payment lands in the right ones. */
class PaymentsCatalogTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 15);
    static final Instant NOW = DAY.atTime(12, 0).atZone(SHANGHAI).toInstant();
    static final long AT = NOW.minusSeconds(600).toEpochMilli();

    private final PaymentsCatalog catalog = PaymentsCatalog.create("CNY");

    @Test
    void metricsFedByThePaymentEventWithTheSameDimensionsNumberTheirSeriesAsOne() {
        Map<String, String> seriesOf = new TreeMap<>();
        for (MetricDefinition<?> d : catalog.definitions()) {
            if (d.seriesOf() != null) {
                seriesOf.put(d.name(), d.seriesOf());
            }
        }

        assertThat(seriesOf).isEqualTo(Map.of(
                "payment_success_rate", "payment_attempts",
                "gmv", "transactions",
                "cross_border_gmv", "transactions",
                "payment_latency", "payment_success_rate_by_value",
                "new_payers", "payment_success_rate_by_value",
                "active_merchants", "active_payers"));
        List<String> order = catalog.definitions().stream().map(MetricDefinition::name).toList();
        seriesOf.forEach((metric, other) ->
                assertThat(order.indexOf(other)).as(other + " is registered before " + metric)
                        .isLessThan(order.indexOf(metric)));
        // activation is fed by account openings too, so it keeps series of its own
        assertThat(catalog.activation.seriesOf()).isNull();
        assertThat(catalog.attempts.dimensions()).isEqualTo(catalog.successRate.dimensions());
    }

    @Test
    void everyMetricOfAPaymentRecordsUnderThePaymentsOwnLabels() {
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).build();
        PaymentsRecorder recorder = catalog.register(registry);

        recorder.payment(AT, 7, 9, "east", "ICBC", Channel.QR_SCAN, FundingSource.DEBIT_CARD,
                MerchantCategory.GROCERY, false, false, null, 3_200, 150_000);
        recorder.payment(AT, 8, 9, "west", "CCB", Channel.ONLINE_CHECKOUT, FundingSource.CREDIT_CARD,
                MerchantCategory.TRAVEL, true, true, null, 50_000, 300_000);
        recorder.payment(AT, 7, 9, "east", "ICBC", Channel.QR_SCAN, FundingSource.WALLET_BALANCE,
                MerchantCategory.GROCERY, false, false, FailureReason.INSUFFICIENT_FUNDS, 900, 80_000);

        assertThat(rows(registry, "payment_attempts", "region", "bank", "channel", "funding_source")).isEqualTo(Map.of(
                "east|ICBC|QR_SCAN|DEBIT_CARD", "1", "east|ICBC|QR_SCAN|WALLET_BALANCE", "1",
                "west|CCB|ONLINE_CHECKOUT|CREDIT_CARD", "1"));
        assertThat(rows(registry, "payment_success_rate", "region", "bank", "channel", "funding_source")).isEqualTo(Map.of(
                "east|ICBC|QR_SCAN|DEBIT_CARD", "1/1", "east|ICBC|QR_SCAN|WALLET_BALANCE", "0/1",
                "west|CCB|ONLINE_CHECKOUT|CREDIT_CARD", "1/1"));
        assertThat(rows(registry, "payment_success_rate_by_value", "region", "channel")).isEqualTo(Map.of(
                "east|QR_SCAN", "3200/4100", "west|ONLINE_CHECKOUT", "50000/50000"));
        assertThat(rows(registry, "payment_latency", "region", "channel")).isEqualTo(Map.of(
                "east|QR_SCAN", "n=2", "west|ONLINE_CHECKOUT", "n=1"));
        assertThat(rows(registry, "new_payers", "region", "channel")).isEqualTo(Map.of("west|ONLINE_CHECKOUT", "1"));
        assertThat(rows(registry, "transactions", "region", "channel", "merchant_category")).isEqualTo(Map.of(
                "east|QR_SCAN|GROCERY", "1", "west|ONLINE_CHECKOUT|TRAVEL", "1"));
        assertThat(rows(registry, "gmv", "region", "channel", "merchant_category")).isEqualTo(Map.of(
                "east|QR_SCAN|GROCERY", "3200", "west|ONLINE_CHECKOUT|TRAVEL", "50000"));
        assertThat(rows(registry, "cross_border_gmv", "region", "channel", "merchant_category")).isEqualTo(Map.of(
                "west|ONLINE_CHECKOUT|TRAVEL", "50000"));
        assertThat(rows(registry, "active_payers", "region")).isEqualTo(Map.of("east", "~1", "west", "~1"));
        assertThat(rows(registry, "active_merchants", "region")).isEqualTo(Map.of("east", "~1", "west", "~1"));
    }

    /** The day's rows of a metric grouped by {@code dims}: labels joined by "|", value written compactly. */
    private static Map<String, String> rows(MetricRegistry registry, String metric, String... dims) {
        List<Row> rows = registry.query(Query.of(metric).window(Window.day(DAY)).groupBy(dims)).rows();
        return rows.stream().collect(Collectors.toMap(
                r -> String.join("|", java.util.Arrays.stream(dims).map(r.group()::get).toList()),
                r -> describe(r.value())));
    }

    private static String describe(Value v) {
        if (v instanceof Value.Count c) {
            return Long.toString(c.count());
        }
        if (v instanceof Value.Sum s) {
            return Long.toString(s.sum());
        }
        if (v instanceof Value.Ratio r) {
            return r.numerator() + "/" + r.denominator();
        }
        if (v instanceof Value.Distribution d) {
            return "n=" + d.count();
        }
        if (v instanceof Value.Distinct d) {
            return "~" + Math.round(d.estimate());
        }
        return v.toString();
    }
}
