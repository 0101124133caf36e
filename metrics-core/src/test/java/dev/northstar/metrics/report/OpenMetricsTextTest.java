package dev.northstar.metrics.report;

import static dev.northstar.metrics.testing.PaymentsWorld.THIS_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.northstar.metrics.definition.MetricDefinition;
import dev.northstar.metrics.definition.Unit;
import dev.northstar.metrics.dimension.Dimension;
import dev.northstar.metrics.dimension.OpenDimension;
import dev.northstar.metrics.registry.DistributionMetric;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.testing.PaymentsWorld.Channel;
import dev.northstar.metrics.testing.PaymentsWorld.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OpenMetricsTextTest {
    private final PaymentsWorld world = new PaymentsWorld();
    private final OpenDimension bank = Dimension.open("bank", 10);
    private final DistributionMetric latency = world.registry.register(MetricDefinition.distribution("auth_latency")
            .unit(Unit.MILLISECONDS).description("Authorization latency \"end to end\"\nper bank \\ issuer")
            .dimensions(bank).build());

    OpenMetricsTextTest() {
        for (int k = 0; k < 100; k++) {
            world.pay(at(WEEK.plusDays(k % 7), k), Region.values()[k % 4], Channel.QR, k % 13, 500 + k, k % 10 != 0);
            latency.record(latency.series("Bank \"A\"\\\nnorth"), 10 + k, at(WEEK, k));
        }
    }

    private String render() {
        return OpenMetricsText.render(world.registry, THIS_WEEK,
                List.of("transactions", "tpv", "success_rate", "auth_latency", "active_payers", "average_ticket"));
    }

    @Test
    void theOutputIsValidOpenMetricsText() {
        List<Sample> samples = OpenMetricsParser.parse(render());

        assertThat(samples).isNotEmpty();
    }

    @Test
    void countsAndSumsAreCountersWithTotalSuffix() {
        List<Sample> s = OpenMetricsParser.parse(render());

        assertThat(sum(s, "northstar_transactions_total")).isEqualTo(90);
        long tpv = 0;
        for (int k = 0; k < 100; k++) {
            tpv += k % 10 != 0 ? 500 + k : 0;
        }
        assertThat(sum(s, "northstar_tpv_total")).isEqualTo(tpv);
        assertThat(family(render(), "northstar_tpv")).contains("# TYPE northstar_tpv counter");
    }

    @Test
    void aRatioIsTwoCountersAndAGauge() {
        List<Sample> s = OpenMetricsParser.parse(render());

        assertThat(sum(s, "northstar_success_rate_numerator_total")).isEqualTo(90);
        assertThat(sum(s, "northstar_success_rate_denominator_total")).isEqualTo(100);
        Sample east = s.stream().filter(x -> x.name().equals("northstar_success_rate")
                && "EAST".equals(x.labels().get("region")) && "QR".equals(x.labels().get("channel"))).findFirst()
                .orElseThrow();
        assertThat(east.value()).isEqualTo(20.0 / 25);
        String text = render();
        assertThat(text).contains("# TYPE northstar_success_rate_numerator counter\n",
                "# TYPE northstar_success_rate_denominator counter\n", "# TYPE northstar_success_rate gauge\n");
    }

    @Test
    void aDistributionIsASummaryWithQuantilesAndAUnitSuffix() {
        List<Sample> s = OpenMetricsParser.parse(render());
        String text = render();

        assertThat(text).contains("# TYPE northstar_auth_latency_milliseconds summary\n"
                + "# UNIT northstar_auth_latency_milliseconds milliseconds\n");
        assertThat(sum(s, "northstar_auth_latency_milliseconds_count")).isEqualTo(100);
        assertThat(sum(s, "northstar_auth_latency_milliseconds_sum")).isEqualTo(100 * 10 + 4950);
        assertThat(s.stream().filter(x -> x.name().equals("northstar_auth_latency_milliseconds"))
                .map(x -> x.labels().get("quantile"))).containsExactly("0.5", "0.9", "0.95", "0.99");
    }

    @Test
    void labelValuesAndHelpAreEscapedAndRoundTrip() {
        String text = render();
        List<Sample> s = OpenMetricsParser.parse(text);

        assertThat(s.stream().filter(x -> x.name().equals("northstar_auth_latency_milliseconds_count")).findFirst()
                .orElseThrow().labels()).containsEntry("bank", "Bank \"A\"\\\nnorth");
        assertThat(text).contains("# HELP northstar_auth_latency_milliseconds Authorization latency "
                + "\\\"end to end\\\"\\nper bank \\\\ issuer\n");
    }

    @Test
    void distinctCountsAndDerivedValuesAreGauges() {
        String text = render();
        List<Sample> s = OpenMetricsParser.parse(text);

        assertThat(text).contains("# TYPE northstar_active_payers gauge\n", "# TYPE northstar_average_ticket gauge\n");
        assertThat(sum(s, "northstar_active_payers")).isEqualTo(13);
    }

    @Test
    void anEmptyWindowWritesNoNaN() {
        String text = OpenMetricsText.render(world.registry, THIS_WEEK.previous(),
                List.of("success_rate", "auth_latency", "average_ticket"));

        OpenMetricsParser.parse(text);
        assertThat(text).doesNotContain("NaN").endsWith("# EOF\n");
    }

    @Test
    void anUnknownMetricIsRefusedByName() {
        assertThatThrownBy(() -> OpenMetricsText.render(world.registry, THIS_WEEK, List.of("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void aDistributionWithADimensionNamedQuantileIsRefusedByName() {
        DistributionMetric wait = world.registry.register(MetricDefinition.distribution("queue_wait").unit(Unit.MILLISECONDS)
                .description("Wait by queue quantile").dimensions(Dimension.open("quantile", 4)).build());
        wait.record(wait.series("top"), 5, at(WEEK, 1));

        assertThatThrownBy(() -> OpenMetricsText.render(world.registry, THIS_WEEK, List.of("queue_wait")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("queue_wait")
                .hasMessageContaining("quantile label");
    }

    @Test
    void theValidatorRejectsBrokenText() {
        assertThatThrownBy(() -> OpenMetricsParser.parse("# TYPE a counter\na_total 1\n"))
                .hasMessageContaining("EOF");
        assertThatThrownBy(() -> OpenMetricsParser.parse("# TYPE a counter\na_total{x=\"\"\"} 1\n# EOF\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpenMetricsParser.parse("# TYPE a counter\nb_total 1\n# EOF\n"))
                .hasMessageContaining("family");
        assertThatThrownBy(() -> OpenMetricsParser.parse("# TYPE a gauge\na NaN\n# EOF\n"))
                .hasMessageContaining("NaN");
    }

    private static double sum(List<Sample> s, String name) {
        return s.stream().filter(x -> x.name().equals(name)).mapToDouble(Sample::value).sum();
    }

    private static String family(String text, String name) {
        int i = text.indexOf("# TYPE " + name + " ");
        return i < 0 ? "" : text.substring(i, text.indexOf('\n', i));
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    /**
     * A strict reader of the OpenMetrics 1.0 text ABNF, written from the specification, not from
     * the code under test: metric descriptors (TYPE, UNIT, HELP) with escaped help, samples that
     * belong to the family declared last with the suffixes its type allows, escaped label values,
     * and the closing {@code # EOF}. Throws {@link IllegalArgumentException} on the first
     * violation. NaN is legal OpenMetrics but refused here because Northstar never writes it.
     */
    static final class OpenMetricsParser {
        private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
        private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME
                + ") (counter|gauge|summary|histogram|gaugehistogram|stateset|info|unknown)");
        private static final Pattern UNIT = Pattern.compile("# UNIT (" + NAME + ") ([a-zA-Z0-9_:]*)");
        private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") ((?:[^\\\\\"\\n]|\\\\[\\\\n\"])*)");
        private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\\\\\"\\n]|\\\\[\\\\n\"])*)\"(,|$)");
        private static final Map<String, List<String>> SUFFIXES = Map.of(
                "counter", List.of("_total", "_created"), "gauge", List.of(""),
                "summary", List.of("", "_count", "_sum", "_created"), "unknown", List.of(""));

        static List<Sample> parse(String text) {
            if (!text.endsWith("# EOF\n")) {
                throw new IllegalArgumentException("text must end with # EOF and a newline");
            }
            List<Sample> out = new ArrayList<>();
            String family = null;
            String type = null;
            List<String> seen = new ArrayList<>();
            String[] lines = text.substring(0, text.length() - "# EOF\n".length()).split("\n", -1);
            for (int i = 0; i < lines.length - 1; i++) {
                String line = lines[i];
                Matcher m;
                if ((m = TYPE.matcher(line)).matches()) {
                    if (seen.contains(m.group(1))) {
                        throw new IllegalArgumentException("line " + i + ": family " + m.group(1) + " repeated");
                    }
                    family = m.group(1);
                    type = m.group(2);
                    seen.add(family);
                } else if ((m = UNIT.matcher(line)).matches() || (m = HELP.matcher(line)).matches()) {
                    if (!m.group(1).equals(family)) {
                        throw new IllegalArgumentException("line " + i + ": metadata for another family: " + line);
                    }
                    if (line.startsWith("# UNIT") && !family.endsWith("_" + m.group(2))) {
                        throw new IllegalArgumentException("line " + i + ": name must end with its unit");
                    }
                } else if ((m = SAMPLE.matcher(line)).matches()) {
                    out.add(sample(i, m, family, type));
                } else {
                    throw new IllegalArgumentException("line " + i + " is not OpenMetrics: " + line);
                }
            }
            if (!lines[lines.length - 1].isEmpty()) {
                throw new IllegalArgumentException("text must end with # EOF and a newline");
            }
            return out;
        }

        private static Sample sample(int i, Matcher m, String family, String type) {
            String name = m.group(1);
            if (family == null || !name.startsWith(family)
                    || !SUFFIXES.getOrDefault(type, List.of("")).contains(name.substring(family.length()))) {
                throw new IllegalArgumentException("line " + i + ": sample " + name + " is not of family " + family);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                int at = 0;
                while (at < m.group(3).length()) {
                    if (!l.find(at) || l.start() != at) {
                        throw new IllegalArgumentException("line " + i + ": bad labels " + m.group(3));
                    }
                    if (labels.put(l.group(1), unescape(l.group(2))) != null) {
                        throw new IllegalArgumentException("line " + i + ": label repeated");
                    }
                    at = l.end();
                }
            }
            if ("summary".equals(type) && name.equals(family) != labels.containsKey("quantile")) {
                throw new IllegalArgumentException("line " + i + ": quantile label only on the quantile samples");
            }
            String v = m.group(4);
            if (v.equals("NaN")) {
                throw new IllegalArgumentException("line " + i + ": NaN value");
            }
            double value = Double.parseDouble(v);
            if (name.endsWith("_total") || name.endsWith("_count")) {
                if (value < 0) {
                    throw new IllegalArgumentException("line " + i + ": negative counter");
                }
            }
            return new Sample(name, labels, value);
        }

        private static String unescape(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    char next = s.charAt(++i);
                    b.append(next == 'n' ? '\n' : next);
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
    }
}
