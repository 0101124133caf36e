package dev.northstar.metrics.report;

import static dev.northstar.metrics.testing.PaymentsWorld.PRIOR_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.THIS_WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.WEEK;
import static dev.northstar.metrics.testing.PaymentsWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.northstar.metrics.query.Query;
import dev.northstar.metrics.scorecard.Scorecard;
import dev.northstar.metrics.testing.PaymentsWorld;
import dev.northstar.metrics.testing.PaymentsWorld.Channel;
import dev.northstar.metrics.testing.PaymentsWorld.Region;
import dev.northstar.metrics.time.Interval;
import dev.northstar.metrics.time.Window;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the JSON schema: each document must match its checked-in example field for field, in
 * order, with the same types; numbers with a fraction may differ in the last bits only (1e-9
 * relative), so a JVM's floating-point library does not break the pin. To change the schema on
 * purpose, bump {@link JsonExport#SCHEMA_VERSION} and regenerate with
 * {@code -Dnorthstar.pin.update=true}.
 */
class JsonExportSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PaymentsWorld world = new PaymentsWorld();

    JsonExportSchemaTest() {
        for (int k = 0; k < 40; k++) {
            Region r = Region.values()[k % 4];
            Channel c = Channel.values()[k % 2];
            world.pay(at(PRIOR_WEEK.plusDays(k % 7), k), r, c, k % 9, 1_000 + 10L * k, true);
            world.pay(at(WEEK.plusDays(k % 7), k), r, c, k % 11, 1_100 + 10L * k, k % 8 != 0);
        }
        world.fraudRate.record(world.fraudRate.series(), true, at(WEEK, 1));
    }

    @Test
    void aGroupedQueryResultMatchesThePinnedSchema() throws IOException {
        String json = JsonExport.result(world.registry.query(
                Query.of("success_rate").window(THIS_WEEK).groupBy("region")));

        assertPinned(json, "result.json");
    }

    @Test
    void aSnapshotsReadableFormMatchesThePinnedSchema() throws IOException {
        Interval day = Window.day(WEEK).resolve(PaymentsWorld.ZONE);
        String json = JsonExport.snapshot(world.registry.snapshot(
                List.of("transactions", "success_rate", "active_payers"), day.fromMillis(), day.toMillis()));

        assertPinned(json, "snapshot.json");
    }

    @Test
    void aScorecardMatchesThePinnedSchema() throws IOException {
        String json = JsonExport.scorecard(Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK));

        assertPinned(json, "scorecard.json");
    }

    @Test
    void everyDocumentNamesItsSchemaFirst() throws IOException {
        JsonNode r = JSON.readTree(JsonExport.result(world.registry.query(Query.of("tpv").window(THIS_WEEK))));
        JsonNode s = JSON.readTree(JsonExport.snapshot(world.registry.snapshot()));
        JsonNode c = JSON.readTree(JsonExport.scorecard(Scorecard.evaluate(world.tree(), world.registry, THIS_WEEK)));

        assertThat(r.fieldNames().next()).isEqualTo("schema");
        assertThat(r.get("schema").asText()).isEqualTo("northstar.result/1");
        assertThat(s.get("schema").asText()).isEqualTo("northstar.snapshot/1");
        assertThat(c.get("schema").asText()).isEqualTo("northstar.scorecard/1");
    }

    @Test
    void anEmptyWindowGivesNullNotNaN() throws IOException {
        String json = JsonExport.result(world.registry.query(
                Query.of("success_rate").window(Window.isoWeek(WEEK.minusWeeks(5)))));

        JsonNode value = JSON.readTree(json).get("rows").get(0).get("value");
        assertThat(value.get("value").isNull()).isTrue();
        assertThat(value.get("denominator").asLong()).isZero();
        assertThat(json).doesNotContain("NaN");
    }

    @Test
    void quantilesAreNamedAsPercentiles() {
        assertThat(JsonExport.quantileName(0.5)).isEqualTo("p50");
        assertThat(JsonExport.quantileName(0.99)).isEqualTo("p99");
        assertThat(JsonExport.quantileName(0.999)).isEqualTo("p99.9");
    }

    private static void assertPinned(String actual, String file) throws IOException {
        if (Boolean.getBoolean("northstar.pin.update")) {
            Path p = Path.of("src/test/resources/dev/northstar/metrics/report", file);
            Files.writeString(p, actual + "\n", StandardCharsets.UTF_8);
        }
        JsonNode expected;
        try (InputStream in = JsonExportSchemaTest.class.getResourceAsStream(file)) {
            assertThat(in).as("pinned example " + file).isNotNull();
            expected = JSON.readTree(in);
        }
        List<String> diffs = new ArrayList<>();
        compare("$", expected, JSON.readTree(actual), diffs);
        assertThat(diffs).as("differences from " + file).isEmpty();
    }

    private static void compare(String path, JsonNode e, JsonNode a, List<String> diffs) {
        if (e.getNodeType() != a.getNodeType()) {
            diffs.add(path + ": expected " + e.getNodeType() + " " + e + ", was " + a.getNodeType() + " " + a);
        } else if (e.isObject()) {
            List<String> ef = new ArrayList<>();
            e.fieldNames().forEachRemaining(ef::add);
            List<String> af = new ArrayList<>();
            a.fieldNames().forEachRemaining(af::add);
            if (!ef.equals(af)) {
                diffs.add(path + ": fields " + af + ", expected " + ef);
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                compare(path + "." + f.getKey(), f.getValue(), a.get(f.getKey()), diffs);
            }
        } else if (e.isArray()) {
            if (e.size() != a.size()) {
                diffs.add(path + ": " + a.size() + " elements, expected " + e.size());
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(path + "[" + i + "]", e.get(i), a.get(i), diffs);
            }
        } else if (e.isFloatingPointNumber() || a.isFloatingPointNumber()) {
            double x = e.asDouble();
            double y = a.asDouble();
            if (e.isIntegralNumber() != a.isIntegralNumber() || Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x))) {
                diffs.add(path + ": " + a + ", expected " + e);
            }
        } else if (!e.equals(a)) {
            diffs.add(path + ": " + a + ", expected " + e);
        }
    }

}
