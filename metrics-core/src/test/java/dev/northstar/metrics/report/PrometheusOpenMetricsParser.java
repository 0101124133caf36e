package dev.northstar.metrics.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus Python client's strict OpenMetrics parser
 * ({@code prometheus_client.openmetrics.parser}, Debian package {@code python3-prometheus-client}),
 * run on Debian's own {@code /usr/bin/python3}: a parser Northstar did not write, that refuses
 * what the OpenMetrics 1.0 specification refuses (a missing {@code # EOF}, bad escapes, samples
 * outside their family, clashing names, a unit the name does not end with, negative counters,
 * non-canonical quantile labels...).
 *
 * <p>Where the parser is not installed, {@link #require()} skips the calling test, unless the
 * environment sets {@code NORTHSTAR_REQUIRE_OPENMETRICS_PARSER=1} (as {@code .ci/run} does after
 * installing it), which turns the skip into a failure, so CI cannot pass without the check.
 */
final class PrometheusOpenMetricsParser {
    static final String REQUIRE_ENV = "NORTHSTAR_REQUIRE_OPENMETRICS_PARSER";
    private static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static Boolean available;

    /** A metric family as the parser read it. */
    record Family(String name, String type, String unit, String help, List<Sample> samples) {
    }

    /** A sample as the parser read it. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The parser refused the text; the message is its own. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private PrometheusOpenMetricsParser() {
    }

    /** Skips the test when the parser is missing, or fails it when the environment requires the parser. */
    static synchronized void require() {
        if (available == null) {
            available = probe();
        }
        if (!available && "1".equals(System.getenv(REQUIRE_ENV))) {
            throw new AssertionError(REQUIRE_ENV + "=1 but " + PYTHON + " cannot import "
                    + "prometheus_client.openmetrics.parser; install it with "
                    + "apt-get install --no-install-recommends python3-prometheus-client");
        }
        assumeTrue(available, "the independent OpenMetrics parser is not installed "
                + "(apt-get install python3-prometheus-client); .ci/run installs it and requires it");
    }

    /** The families in {@code text}; throws {@link Refused} with the parser's message when it is not valid. */
    static List<Family> parse(String text) {
        require();
        try {
            Path in = Files.createTempFile("openmetrics", ".txt");
            Path err = Files.createTempFile("openmetrics", ".err");
            try {
                Files.writeString(in, text, StandardCharsets.UTF_8);
                ProcessBuilder pb = new ProcessBuilder(PYTHON, "-c", script())
                        .redirectInput(in.toFile()).redirectError(err.toFile());
                pb.environment().put("PYTHONIOENCODING", "utf-8");
                Process p = pb.start();
                byte[] out;
                try (InputStream s = p.getInputStream()) {
                    out = s.readAllBytes();
                }
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("the OpenMetrics parser did not finish in 60 s");
                }
                if (p.exitValue() != 0) {
                    throw new Refused(Files.readString(err, StandardCharsets.UTF_8).strip());
                }
                return JSON.readValue(out, new TypeReference<List<Family>>() { });
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean probe() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import prometheus_client.openmetrics.parser")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String script() throws IOException {
        try (InputStream s = PrometheusOpenMetricsParser.class.getResourceAsStream("openmetrics_parse.py")) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
