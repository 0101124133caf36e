package dev.northstar.metrics.report;

import static dev.northstar.metrics.testing.PaymentsWorld.THIS_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.query.Value;
import dev.northstar.metrics.registry.CountMetric;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.registry.GaugeMetric;
import dev.northstar.metrics.report.PrometheusOpenMetricsParser.Family;
import dev.northstar.metrics.report.PrometheusOpenMetricsParser.Refused;
import dev.northstar.metrics.report.PrometheusOpenMetricsParser.Sample;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.testing.PaymentsWorld.Channel;
import dev.northstar.metrics.testing.PaymentsWorld.Region;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OpenMetricsText} judged by a parser Northstar did not write: the Prometheus Python
 * client's strict OpenMetrics parser (see {@link PrometheusOpenMetricsParser} for how it is found,
 * skipped, or required in CI). Every kind, awkward label values and names, and an empty window
 * must parse, and parse back to the values a query gives; broken text must be refused, so these
 * tests can fail.
 */
class OpenMetricsTextPrometheusParserTest {
    private static final List<String> ALL = List.of("transactions", "tpv", "success_rate", "fraud_rate",
            "auth_latency", "active_payers", "tx_per_payer", "average_ticket", "float_balance", "refunds_total");
    /** Label values a careless writer breaks: quotes, a backslash, a newline, braces, commas, CJK, spaces. */
    private static final List<String> BANKS = List.of("Bank \"A\"\\\nnorth", " spaced ", "招商银行", "a,b=\"c\"}", "# EOF");

    private final PaymentsWorld world = new PaymentsWorld();
    private final OpenDimension bank = Dimension.open("bank", 16);
    private final DistributionMetric latency = world.registry.register(MetricDefinition.distribution("auth_latency")
            .unit(Unit.MILLISECONDS).description("Authorization latency, \"end to end\"\nper bank \\ issuer (毫秒)")
            .dimensions(bank).build());
    private final GaugeMetric balance = world.registry.register(MetricDefinition.gauge("float_balance")
            .money("CNY").description("Merchant float; negative when overdrawn").dimensions(bank).build());
    private final CountMetric refunds = world.registry.register(MetricDefinition.count("refunds_total")
            .description("Refunds, a name that already ends in _total").build());

    @BeforeEach
    void record() {
        PrometheusOpenMetricsParser.require();
        for (int k = 0; k < 140; k++) {
            long t = at(WEEK.plusDays(k % 7), k);
            world.pay(t, Region.values()[k % 4], Channel.values()[(k / 4) % 2], k % 17, 1_000 + 37L * k, k % 9 != 0);
            String b = BANKS.get(k % BANKS.size());
            latency.record(latency.series(b), 3 + (k * 7919L) % 400, t);
            balance.set(balance.series(b), k % 2 == 0 ? -5_000_000_000_000L - k : 12_345L * k, t);
            if (k % 10 == 0) {
                refunds.increment(refunds.series(), t);
            }
        }
    }

    @Test
    void everyKindParsesAsItsOpenMetricsType() {
        Map<String, Family> f = byName(PrometheusOpenMetricsParser.parse(render(ALL)));

        assertThat(f.keySet()).containsExactly("northstar_transactions", "northstar_tpv",
                "northstar_success_rate_numerator", "northstar_success_rate_denominator", "northstar_success_rate",
                "northstar_fraud_rate_numerator", "northstar_fraud_rate_denominator", "northstar_fraud_rate",
                "northstar_auth_latency_milliseconds", "northstar_active_payers", "northstar_tx_per_payer",
                "northstar_average_ticket", "northstar_float_balance", "northstar_refunds_total");
        assertThat(f.get("northstar_tpv").type()).isEqualTo("counter");
        assertThat(f.get("northstar_tpv").help()).isEqualTo("Value of successful payments, in fen (CNY minor units)");
        assertThat(f.get("northstar_success_rate_denominator").type()).isEqualTo("counter");
        assertThat(f.get("northstar_success_rate").type()).isEqualTo("gauge");
        assertThat(f.get("northstar_auth_latency_milliseconds").type()).isEqualTo("summary");
        assertThat(f.get("northstar_auth_latency_milliseconds").unit()).isEqualTo("milliseconds");
        assertThat(f.get("northstar_auth_latency_milliseconds").help())
                .isEqualTo("Authorization latency, \"end to end\"\nper bank \\ issuer (毫秒)");
        assertThat(f.get("northstar_active_payers").type()).isEqualTo("gauge");
        assertThat(f.get("northstar_refunds_total").type()).isEqualTo("counter");
    }

    @Test
    void theParsedSamplesAreTheQueriedValues() {
        Map<String, Family> f = byName(PrometheusOpenMetricsParser.parse(render(ALL)));

        for (Sample s : f.get("northstar_tpv").samples()) {
            Value.Sum v = (Value.Sum) world.registry.query(Query.of("tpv").window(THIS_WEEK)
                    .where("region", s.labels().get("region")).where("channel", s.labels().get("channel"))).value();
            assertThat(s.value()).isEqualTo(v.sum());
        }
        assertThat(f.get("northstar_tpv").samples()).hasSize(8);
        assertThat(total(f, "northstar_success_rate_numerator")).isEqualTo(124);
        assertThat(total(f, "northstar_success_rate_denominator")).isEqualTo(140);
        assertThat(single(f, "northstar_active_payers").value())
                .isEqualTo(world.registry.query(Query.of("active_payers").window(THIS_WEEK)).value().value()
                        .getAsDouble());
        assertThat(single(f, "northstar_tx_per_payer").value()).isCloseTo(124.0 / 17, within(1e-12));
        assertThat(single(f, "northstar_refunds_total").value()).isEqualTo(14);
        assertThat(f.get("northstar_refunds_total").samples().get(0).name()).isEqualTo("northstar_refunds_total_total");
    }

    @Test
    void awkwardLabelValuesAndLargeOrNegativeNumbersRoundTrip() {
        Map<String, Family> f = byName(PrometheusOpenMetricsParser.parse(render(ALL)));

        assertThat(f.get("northstar_auth_latency_milliseconds").samples().stream()
                .filter(s -> s.name().endsWith("_count")).map(s -> s.labels().get("bank")))
                .containsExactlyInAnyOrderElementsOf(BANKS);
        for (Sample s : f.get("northstar_auth_latency_milliseconds").samples()) {
            if (s.name().endsWith("_count")) {
                assertThat(s.value()).isEqualTo(28);
            } else if (!s.name().endsWith("_sum")) {
                assertThat(s.labels().get("quantile")).isIn("0.5", "0.9", "0.95", "0.99");
            }
        }
        List<Sample> balances = f.get("northstar_float_balance").samples();
        assertThat(balances).hasSize(BANKS.size());
        for (Sample s : balances) {
            assertThat(s.value()).isEqualTo(world.registry.query(Query.of("float_balance").window(THIS_WEEK)
                    .where("bank", s.labels().get("bank"))).value().value().getAsDouble());
        }
        assertThat(balances).anyMatch(s -> s.value() < -5e12);
    }

    @Test
    void anEmptyWindowIsValidText() {
        List<Family> f = PrometheusOpenMetricsParser.parse(OpenMetricsText.render(world.registry,
                THIS_WEEK.previous().previous(), ALL));

        assertThat(f).extracting(Family::name).contains("northstar_success_rate", "northstar_auth_latency_milliseconds");
        assertThat(f.stream().flatMap(x -> x.samples().stream())).allMatch(s -> Double.isFinite(s.value()));
    }

    @Test
    void aPrefixWithCharactersNamesCannotHoldIsSanitized() {
        List<Family> f = PrometheusOpenMetricsParser.parse(OpenMetricsText.render(world.registry, THIS_WEEK,
                List.of("tpv", "auth_latency"), "9pay-svc.v2/"));

        assertThat(f).extracting(Family::name).containsExactly("_9pay_svc_v2_tpv", "_9pay_svc_v2_auth_latency_milliseconds");
    }

    @Test
    void metricsWhoseNamesWouldClashAreRefusedBecauseTheParserRefusesTheText() {
        world.registry.register(MetricDefinition.gauge("refunds_total_total").description("a gauge").build());
        world.registry.register(MetricDefinition.count("success_rate_numerator").description("a count").build());
        // what writing both metrics of each pair would give, family after family:
        String refundsClash = body(render(List.of("refunds_total"))) + render(List.of("refunds_total_total"));
        String ratioClash = body(render(List.of("success_rate"))) + render(List.of("success_rate_numerator"));

        assertThatThrownBy(() -> PrometheusOpenMetricsParser.parse(refundsClash)).isInstanceOf(Refused.class)
                .hasMessageContaining("Clashing name");
        assertThatThrownBy(() -> PrometheusOpenMetricsParser.parse(ratioClash)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> render(List.of("refunds_total", "refunds_total_total")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refunds_total and refunds_total_total would both write");
        assertThatThrownBy(() -> render(List.of("success_rate", "success_rate_numerator")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("success_rate_numerator");
    }

    @Test
    void aNameGivenTwiceIsWrittenOnce() {
        List<Family> f = PrometheusOpenMetricsParser.parse(render(List.of("tpv", "active_payers", "tpv")));

        assertThat(f).extracting(Family::name).containsExactly("northstar_tpv", "northstar_active_payers");
    }

    /** The parser is strict: each of these small breaks of real output is refused. */
    @Test
    void theParserRefusesBrokenText() {
        String good = render(List.of("tpv", "auth_latency"));
        PrometheusOpenMetricsParser.parse(good);

        List<String> broken = List.of(
                good.replace("# EOF\n", ""),
                good.replace("bank=\"Bank \\\"A\\\"", "bank=\"Bank \"A\\\""),
                good.replaceFirst("(northstar_tpv_total\\{[^}]*\\}) \\d+", "$1 -1"),
                good.replace("# UNIT northstar_auth_latency_milliseconds milliseconds",
                        "# UNIT northstar_auth_latency_milliseconds seconds"),
                good.replace("# TYPE northstar_auth_latency", "\n# TYPE northstar_auth_latency"),
                good.replace("northstar_tpv_total{", "northstar_tpv{"));

        assertThat(broken).doesNotContain(good);
        for (String text : broken) {
            assertThatThrownBy(() -> PrometheusOpenMetricsParser.parse(text)).as(text).isInstanceOf(Refused.class);
        }
    }

    private String render(List<String> metrics) {
        return OpenMetricsText.render(world.registry, THIS_WEEK, metrics);
    }

    private static String body(String text) {
        return text.substring(0, text.length() - "# EOF\n".length());
    }

    private static Map<String, Family> byName(List<Family> families) {
        return families.stream().collect(Collectors.toMap(Family::name, Function.identity(), (a, b) -> {
            throw new AssertionError("family twice: " + a.name());
        }, java.util.LinkedHashMap::new));
    }

    private static double total(Map<String, Family> f, String family) {
        return f.get(family).samples().stream().mapToDouble(Sample::value).sum();
    }

    private static Sample single(Map<String, Family> f, String family) {
        assertThat(f.get(family).samples()).hasSize(1);
        return f.get(family).samples().get(0);
    }
}
