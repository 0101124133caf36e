package dev.northstar.demo;

import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import dev.northstar.payments.PaymentsCatalog;
import dev.northstar.payments.PaymentsRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Replays a real event log through the payments module. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a real event log through metrics-payments: the UCI Online Retail file (one invoice = "
                + "one payment, cancellations are refunds, UK time) or the PaySim mobile-money file.")
final class ReplayCommand implements Callable<Integer> {
    /** Log formats. */
    enum Format { RETAIL, PAYSIM, AUTO }

    /** Report windows. */
    enum WindowKind { DAY, WEEK, MONTH }

    @Spec CommandSpec spec;

    @Option(names = "--file", description = "The log, gzipped CSV (default: ${DEFAULT-VALUE}).")
    Path file = Path.of("../shared/data/online_retail.csv.gz");

    @Option(names = "--format", description = "${COMPLETION-CANDIDATES}; AUTO picks by file name "
            + "(default: ${DEFAULT-VALUE}).")
    Format format = Format.AUTO;

    @Option(names = "--window", description = "Window to report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    WindowKind window = WindowKind.MONTH;

    @Option(names = "--as-of", description = "A date in the window to report (default: the last day of the log).")
    LocalDate asOf;

    @Option(names = "--zone", description = "Zone of the log's times (default: Europe/London for retail, UTC for "
            + "PaySim).")
    ZoneId zone;

    @Option(names = "--paysim-start", description = "Local time of PaySim's step 1 (default: ${DEFAULT-VALUE}).")
    LocalDateTime paysimStart = LocalDateTime.of(2026, 11, 2, 0, 0);

    @Option(names = "--json", description = "Print every catalog metric of the window as JSON.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Format f = format != Format.AUTO ? format
                : file.getFileName().toString().toLowerCase().contains("paysim") ? Format.PAYSIM : Format.RETAIL;
        ZoneId z = zone != null ? zone : f == Format.RETAIL ? RetailReplay.LONDON : ZoneOffset.UTC;
        // the registry's clock stands just after the log (the retail log ends 2011-12-09; PaySim's
        // 743 steps last 31 days): every event is then in the past and within the day retention
        Instant clock = f == Format.RETAIL ? LocalDate.of(2012, 1, 1).atStartOfDay(z).toInstant()
                : paysimStart.atZone(z).toInstant().plus(java.time.Duration.ofDays(32));
        MetricRegistry registry = MetricRegistry.builder().zone(z).clock(() -> clock).dayRetention(400).build();
        PaymentsCatalog catalog = PaymentsCatalog.create(f == Format.RETAIL ? "GBP" : "USD");
        PaymentsRecorder recorder = catalog.register(registry);
        AtomicLong progress = new AtomicLong();
        Map<String, Object> read = new LinkedHashMap<>();
        long lastMillis;
        try (InputStream in = open(file);
             ProgressBar bar = new ProgressBar(progress, f == Format.RETAIL ? 541_909 : 13_917, "rows", System.err,
                     !json && ProgressBar.wanted(quiet))) {
            if (f == Format.RETAIL) {
                RetailReplay.Summary s = RetailReplay.replay(in, recorder, progress);
                read.put("rows", s.rows());
                read.put("payments", s.payments());
                read.put("refunds", s.refunds());
                read.put("dirty_rows", s.dirty());
                lastMillis = s.lastMillis();
            } else {
                long start = paysimStart.atZone(z).toInstant().toEpochMilli();
                PaySimReplay.Summary s = PaySimReplay.replay(in, start, recorder, progress);
                read.put("rows", s.rows());
                read.put("events", s.events());
                read.put("dirty_rows", s.dirty());
                lastMillis = s.lastMillis();
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        if (lastMillis == Long.MIN_VALUE) {
            throw new UserError("no usable rows in " + file);
        }
        LocalDate day = asOf != null ? asOf : LocalDate.ofInstant(Instant.ofEpochMilli(lastMillis), z);
        Window win = switch (window) {
            case DAY -> Window.day(day);
            case WEEK -> Window.isoWeek(day);
            case MONTH -> Window.month(YearMonth.from(day));
        };
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("source", file.getFileName().toString());
            doc.put("format", f.name().toLowerCase());
            doc.put("zone", z.getId());
            doc.put("read", read);
            doc.putAll(CatalogReport.of(registry, catalog.definitions(), win));
            w.println(CatalogReport.json(doc));
            return 0;
        }
        w.printf("Replayed %s (%s, %s): %s%n%n", file, f.name().toLowerCase(), z, read);
        Report.comparison(w, registry, win, List.of("tpv", "gmv", "transactions", "active_payers", "average_ticket",
                "transactions_per_payer", "refunds", "refund_amount", "refund_rate", "new_payers", "cross_border_share",
                "fraud_loss_bps", "p2p_volume"));
        return 0;
    }

    private static InputStream open(Path file) {
        try {
            InputStream raw = Files.newInputStream(file);
            try {
                return new GZIPInputStream(raw, 1 << 16);
            } catch (ZipException e) {
                raw.close();
                throw new UserError(file + " is not a gzip file: " + e.getMessage());
            }
        } catch (NoSuchFileException e) {
            throw new UserError("no such file: " + file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
