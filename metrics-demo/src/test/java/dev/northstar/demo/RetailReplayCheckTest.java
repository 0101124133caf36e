package dev.northstar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The replay of the full Online Retail log, checked against an independent computation over the
 * raw CSV written here with plain Java (no Northstar code): for November 2011, TPV, transactions,
 * active payers, refund count and refund amount.
 */
class RetailReplayCheckTest {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /** An invoice as the raw data defines it: first line's time, customer, lines' value. */
    private static final class Invoice {
        LocalDateTime at;
        String customer;
        BigDecimal value = BigDecimal.ZERO;
    }

    @Test
    void novemberTotalsMatchARawComputation() throws IOException {
        YearMonth month = YearMonth.of(2011, 11);
        Map<String, Invoice> invoices = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(CliTest.DATA.resolve("online_retail.csv.gz"))), StandardCharsets.UTF_8))) {
            in.readLine();
            in.lines().map(RetailReplayCheckTest::fields).filter(f -> f.size() == 8).forEach(f -> {
                String number = f.get(0);
                long quantity = Long.parseLong(f.get(3));
                BigDecimal price = new BigDecimal(f.get(5));
                String customer = f.get(6);
                boolean cancellation = number.startsWith("C");
                if (customer.isEmpty() || price.signum() <= 0 || (!cancellation && quantity < 0)) {
                    return; // rows a payment cannot be made of
                }
                Invoice inv = invoices.computeIfAbsent(number, k -> new Invoice());
                if (inv.at == null) {
                    inv.at = LocalDateTime.parse(f.get(4), TIME);
                    inv.customer = customer;
                }
                inv.value = inv.value.add(price.multiply(BigDecimal.valueOf(Math.abs(quantity))));
            });
        }
        long sales = 0;
        long salesPence = 0;
        long refunds = 0;
        long refundPence = 0;
        Set<String> payers = new HashSet<>();
        for (Map.Entry<String, Invoice> e : invoices.entrySet()) {
            Invoice inv = e.getValue();
            long pence = inv.value.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
            if (pence <= 0 || !YearMonth.from(inv.at).equals(month)) {
                continue;
            }
            if (e.getKey().startsWith("C")) {
                refunds++;
                refundPence += pence;
            } else {
                sales++;
                salesPence += pence;
                payers.add(inv.customer);
            }
        }

        CliTest.Run run = CliTest.run("replay", "--file", CliTest.DATA.resolve("online_retail.csv.gz").toString(),
                "--window", "month", "--as-of", "2011-11-15", "--json", "--quiet");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(run.out()).at("/metrics");
        assertThat(metrics.at("/transactions/value").asLong()).isEqualTo(sales);
        assertThat(metrics.at("/gmv/value").asLong()).isEqualTo(salesPence);
        assertThat(metrics.at("/tpv/value").asLong()).isEqualTo(salesPence - refundPence);
        assertThat(metrics.at("/refunds/value").asLong()).isEqualTo(refunds);
        assertThat(metrics.at("/refund_amount/value").asLong()).isEqualTo(refundPence);
        double rse = 1.04 / Math.sqrt(4096);
        assertThat(metrics.at("/active_payers/value").asDouble())
                .isCloseTo(payers.size(), within(3 * rse * payers.size()));
        assertThat(metrics.at("/active_payers/parts/lower_bound").asDouble()).isLessThanOrEqualTo(payers.size());
        assertThat(metrics.at("/active_payers/parts/upper_bound").asDouble()).isGreaterThanOrEqualTo(payers.size());
    }

    /** Splits one CSV line, honouring double quotes around fields with commas. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString().trim());
        return out;
    }
}
