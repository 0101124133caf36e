package dev.northstar.metrics.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesEveryNodeWithRawValuesInItsUnit() throws Exception {
        Reports r = new Reports(true);
        var card = r.card();

        JsonNode json = mapper.readTree(JsonReport.render(card, r.why()));

        assertThat(json.get("northStar").asText()).isEqualTo("tpv");
        assertThat(json.get("window").get("label").asText()).isEqualTo("2026-W47");
        assertThat(json.get("window").get("from").asText()).isEqualTo("2026-11-15T16:00:00Z");
        assertThat(json.get("nodes")).hasSize(card.nodes().size());
        JsonNode tpv = json.get("nodes").get(0);
        assertThat(tpv.get("unit").asText()).isEqualTo("MINOR_UNITS");
        assertThat(tpv.get("currency").asText()).isEqualTo("CNY");
        assertThat(tpv.get("value").asDouble()).isEqualTo(card.node("tpv").current().value().getAsDouble());
        assertThat(tpv.get("trend")).hasSize(8);
        JsonNode rate = json.get("nodes").get(4);
        assertThat(rate.get("metric").asText()).isEqualTo("success_rate");
        assertThat(rate.get("parts").get("denominator").asLong()).isEqualTo(2400);
        assertThat(rate.get("significance").get("test").asText()).isEqualTo("TWO_PROPORTION_Z");
        assertThat(json.get("checks").get(0).get("verdict").asText()).isEqualTo("HOLDS");
        assertThat(json.get("attribution").get("summary").asText()).isEqualTo(r.why().summary());
        assertThat(json.get("attribution").get("factors").get("contributions")).hasSize(3);
    }

    @Test
    void noDataIsNullNeverNaN() throws Exception {
        Reports r = new Reports(false);

        String text = JsonReport.render(r.card(), r.why());
        JsonNode json = mapper.readTree(text);

        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(json.get("nodes").get(0).get("value").isNull()).isTrue();
        assertThat(json.get("nodes").get(0).get("status").asText()).isEqualTo("NO_DATA");
        assertThat(json.get("attribution").get("change").isNull()).isTrue();
    }
}
