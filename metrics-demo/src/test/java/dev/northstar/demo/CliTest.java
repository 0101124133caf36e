package dev.northstar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, subcommand by subcommand, on small inputs. */
class CliTest {
    static final Path DATA = Path.of("../../shared/data");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NorthstarCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The first {@code lines} lines of a shipped gzipped file, gzipped again into {@code dir}. */
    static Path head(Path dir, String name, int lines) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DATA.resolve(name)));
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int count = 0;
            int b;
            while (count < lines && (b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    count++;
                }
            }
            out.write(line.toByteArray());
        }
        return target;
    }

    @Test
    void paymentsSimulatesReportsAndWritesJson(@TempDir Path dir) throws IOException {
        Run r = run("payments", "--days", "3", "--events-per-day", "3000", "--threads", "2", "--quiet",
                "--out", dir.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("events/s").contains("Scorecard tpv").contains("Guardrails")
                .contains("Why tpv moved: tpv ");
        assertThat(Files.readString(dir.resolve("payments.html"))).startsWith("<!DOCTYPE html>").contains("<svg");
        assertThat(new ObjectMapper().readTree(dir.resolve("payments.json").toFile()).toString()).contains("tpv");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("payments-metrics.json").toFile());
        assertThat(json.at("/metrics/transactions/value").asLong()).isPositive();
        assertThat(json.at("/metrics/payment_success_rate/value").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void contentSimulatesAndReportsItsScorecard(@TempDir Path dir) throws IOException {
        Run r = run("content", "--days", "3", "--reads-per-day", "3000", "--threads", "2", "--quiet",
                "--out", dir.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Scorecard engaged_reads").contains("read_completion_rate");
        assertThat(dir.resolve("content.html")).exists();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("content-metrics.json").toFile());
        assertThat(json.at("/metrics/reads/value").asLong()).isPositive();
    }

    @Test
    void aSubcommandIsOptionalAndOptionsGoToPayments(@TempDir Path dir) {
        Run r = run("--days", "2", "--events-per-day", "500", "--quiet", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Northstar payments demo: 2 days");
    }

    @Test
    void paymentsRejectsBadArgumentsWithOneLineAndExitTwo() {
        Run r = run("payments", "--days", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("northstar: ").doesNotContain("\n").doesNotContain("Exception");

        Run unknown = run("payments", "--no-such-option");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--no-such-option").doesNotContain("at dev.");
    }

    @Test
    void helpExplainsEveryOptionWithItsDefault() {
        Run r = run("payments", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--seed").contains("default: 42").contains("--days").contains("--threads")
                .contains("--zone").contains("--incident").contains("--out").contains("--quiet")
                .contains("--events-per-day");
    }

    @Test
    void replayReadsTheFirstThousandLinesOfTheRetailLog(@TempDir Path dir) throws IOException {
        Path small = head(dir, "online_retail.csv.gz", 1000);
        Run r = run("replay", "--file", small.toString(), "--window", "day", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/read/rows").asLong()).isEqualTo(999);
        assertThat(json.at("/window").asText()).isEqualTo("2010-12-01");
        assertThat(json.at("/metrics/transactions/value").asLong()).isPositive();
    }

    @Test
    void replayReadsTheFirstThousandLinesOfPaySim(@TempDir Path dir) throws IOException {
        Path small = head(dir, "paysim_head.csv.gz", 1000);
        Run r = run("replay", "--file", small.toString(), "--window", "week", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/format").asText()).isEqualTo("paysim");
        assertThat(json.at("/read/rows").asLong()).isEqualTo(999);
        assertThat(json.at("/metrics/transactions/value").asLong()).isPositive();
        assertThat(json.at("/metrics/p2p_volume/value").asLong()).isPositive();
    }

    @Test
    void dirtyRowsAreCountedByReasonNotFatal(@TempDir Path dir) throws IOException {
        Path dirty = dir.resolve("online_retail_dirty.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dirty))) {
            out.write(("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                    + "536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
                    + "536366,85123A,HOLDER,6,2010-12-01 08:28:00,2.55,,United Kingdom\n"
                    + "536367,85123A,HOLDER,6,2010-12-01 08:30:00,0.00,17851.0,United Kingdom\n"
                    + "536368,85123A,HOLDER,-6,2010-12-01 08:31:00,1.00,17852.0,United Kingdom\n"
                    + "536369,85123A,HOLDER,six,2010-12-01 08:32:00,1.00,17853.0,United Kingdom\n"
                    + "536370,85123A,too,few,fields\n").getBytes());
        }
        Run r = run("replay", "--file", dirty.toString(), "--format", "retail", "--window", "day", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode read = new ObjectMapper().readTree(r.out()).at("/read");
        assertThat(read.at("/payments").asLong()).isEqualTo(1);
        assertThat(read.at("/dirty_rows/NO_CUSTOMER").asLong()).isEqualTo(1);
        assertThat(read.at("/dirty_rows/NON_POSITIVE_PRICE").asLong()).isEqualTo(1);
        assertThat(read.at("/dirty_rows/NEGATIVE_QUANTITY_ON_SALE").asLong()).isEqualTo(1);
        assertThat(read.at("/dirty_rows/UNPARSEABLE").asLong()).isEqualTo(2);
    }

    @Test
    void aCorruptFileIsAUserErrorNotAStackTrace(@TempDir Path dir) throws IOException {
        Path corrupt = dir.resolve("online_retail.csv.gz");
        Files.write(corrupt, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7});
        Run r = run("replay", "--file", corrupt.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("northstar: ").doesNotContain("\tat ");

        Files.writeString(corrupt, "not gzip at all");
        Run notGzip = run("replay", "--file", corrupt.toString());
        assertThat(notGzip.code()).isEqualTo(2);
        assertThat(notGzip.err()).contains("not a gzip file");

        Run missing = run("replay", "--file", dir.resolve("missing.csv.gz").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }
}
