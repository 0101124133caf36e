package dev.northstar.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.registry.Mode;
import dev.northstar.metrics.snapshot.Cell;
import dev.northstar.metrics.snapshot.SeriesCells;
import dev.northstar.metrics.snapshot.Snapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One event through each recorder method, and exactly the metric updates it must produce: every
 * stored metric it feeds, with the value it adds, and no other.
 */
class PaymentsRecorderTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-11-15T04:00:00Z");
    static final long AT = NOW.minusSeconds(600).toEpochMilli();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("successful payment", (Consumer<PaymentsRecorder>) r -> r.payment(AT, 7, 9, "east", "ICBC",
                        Channel.QR_SCAN, FundingSource.DEBIT_CARD, MerchantCategory.GROCERY, false, false, null,
                        3_200, 150_000),
                        Map.of("payment_attempts", "1", "payment_success_rate", "1/1",
                                "payment_success_rate_by_value", "3200/3200", "payment_latency", "n=1",
                                "transactions", "1", "gmv", "3200", "active_payers", "~1", "active_merchants", "~1")),
                Arguments.of("first cross-border payment", (Consumer<PaymentsRecorder>) r -> r.payment(AT, 7, 9, "east",
                        "ICBC", Channel.ONLINE_CHECKOUT, FundingSource.CREDIT_CARD, MerchantCategory.TRAVEL, true,
                        true, null, 50_000, 300_000),
                        Map.ofEntries(Map.entry("payment_attempts", "1"), Map.entry("payment_success_rate", "1/1"),
                                Map.entry("payment_success_rate_by_value", "50000/50000"),
                                Map.entry("payment_latency", "n=1"), Map.entry("transactions", "1"),
                                Map.entry("gmv", "50000"), Map.entry("active_payers", "~1"),
                                Map.entry("active_merchants", "~1"), Map.entry("cross_border_gmv", "50000"),
                                Map.entry("new_payers", "1"), Map.entry("activation", "~0,~1"))),
                Arguments.of("failed payment", (Consumer<PaymentsRecorder>) r -> r.payment(AT, 7, 9, "east", "ICBC",
                        Channel.QR_SCAN, FundingSource.DEBIT_CARD, MerchantCategory.GROCERY, false, false,
                        FailureReason.BANK_UNAVAILABLE, 3_200, 900_000),
                        Map.of("payment_attempts", "1", "payment_success_rate", "0/1",
                                "payment_success_rate_by_value", "0/3200", "payment_latency", "n=1",
                                "payment_failures", "1")),
                Arguments.of("account opened", (Consumer<PaymentsRecorder>) r -> r.accountOpened(AT, 7, "north"),
                        Map.of("accounts_opened", "1", "activation", "~1,~0")),
                Arguments.of("card linked", (Consumer<PaymentsRecorder>) r -> r.cardLink(AT, "north", "CMB", true),
                        Map.of("card_link_success_rate", "1/1")),
                Arguments.of("card link failed", (Consumer<PaymentsRecorder>) r -> r.cardLink(AT, "north", "CMB", false),
                        Map.of("card_link_success_rate", "0/1")),
                Arguments.of("top-up", (Consumer<PaymentsRecorder>) r -> r.topUp(AT, "north", "CMB",
                        FundingSource.DEBIT_CARD, 10_000), Map.of("wallet_top_ups", "10000")),
                Arguments.of("refund", (Consumer<PaymentsRecorder>) r -> r.refund(AT, "south", Channel.IN_APP,
                        MerchantCategory.RETAIL, 4_000), Map.of("refunds", "1", "refund_amount", "4000")),
                Arguments.of("dispute", (Consumer<PaymentsRecorder>) r -> r.dispute(AT, "south", Channel.IN_APP,
                        MerchantCategory.RETAIL), Map.of("disputes", "1")),
                Arguments.of("fraud reported", (Consumer<PaymentsRecorder>) r -> r.fraudReported(AT, "south",
                        Channel.IN_APP, 9_999), Map.of("fraud_loss", "9999")),
                Arguments.of("merchant onboarded", (Consumer<PaymentsRecorder>) r -> r.merchantOnboarded(AT, "west",
                        MerchantCategory.SERVICES), Map.of("merchants_onboarded", "1")),
                Arguments.of("p2p transfer", (Consumer<PaymentsRecorder>) r -> r.p2pTransfer(AT, "west", 5_000),
                        Map.of("p2p_volume", "5000")),
                Arguments.of("red packet sent", (Consumer<PaymentsRecorder>) r -> r.redPacketSent(AT, "west", 888),
                        Map.of("red_packets_sent", "1", "p2p_volume", "888")),
                Arguments.of("red packet opened", (Consumer<PaymentsRecorder>) r -> r.redPacketOpened(AT, "west"),
                        Map.of("red_packets_opened", "1")),
                Arguments.of("fee revenue", (Consumer<PaymentsRecorder>) r -> r.feeRevenue(AT, "west", Channel.QR_SCAN,
                        MerchantCategory.FOOD_AND_DRINK, 19), Map.of("fee_revenue", "19")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void oneEventUpdatesExactlyTheMetricsItFeeds(String name, Consumer<PaymentsRecorder> event,
                                                  Map<String, String> expected) {
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> NOW).mode(Mode.STRICT).build();
        PaymentsRecorder recorder = PaymentsCatalog.create("CNY").register(registry);

        event.accept(recorder);

        assertThat(updates(registry.snapshot())).isEqualTo(new TreeMap<>(expected));
        assertThat(registry.health().totalRefused()).isZero();
    }

    /** Per stored metric with data: its total, written compactly ("1", "3/4", "n=2", "~1"). */
    static Map<String, String> updates(Snapshot snapshot) {
        Map<String, String> out = new TreeMap<>();
        snapshot.metrics().forEach((name, data) -> {
            Cell total = null;
            for (SeriesCells bucket : data.buckets()) {
                for (Cell cell : bucket.series().values()) {
                    total = total == null ? cell : total.merge(cell);
                }
            }
            if (total != null) {
                out.put(name, describe(total));
            }
        });
        return out;
    }

    private static String describe(Cell cell) {
        if (cell instanceof Cell.Longs l) {
            long[] c = l.columns();
            return c.length == 1 ? Long.toString(c[0]) : c[0] + "/" + c[1];
        }
        if (cell instanceof Cell.Distribution d) {
            return "n=" + d.histogram().getTotalCount();
        }
        if (cell instanceof Cell.Hll h) {
            return "~" + Math.round(h.sketch().getEstimate());
        }
        if (cell instanceof Cell.Theta t) {
            return String.join(",", t.columns().stream().map(s -> "~" + Math.round(s.getEstimate())).toList());
        }
        return cell.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eventsOutsideRetentionAreRefusedNotThrown(String name, Consumer<PaymentsRecorder> event,
                                                   Map<String, String> expected) {
        Instant muchLater = NOW.plusSeconds(3600L * 24 * 500);
        MetricRegistry registry = MetricRegistry.builder().zone(SHANGHAI).clock(() -> muchLater).build();
        PaymentsRecorder recorder = PaymentsCatalog.create("CNY").register(registry);

        event.accept(recorder);

        assertThat(updates(registry.snapshot())).isEmpty();
        assertThat(registry.health().refused(dev.northstar.metrics.registry.RefusalReason.TOO_OLD)).isPositive();
    }
}
