package dev.northstar.demo;

import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
import dev.northstar.payments.Incident;
import dev.northstar.payments.PaymentsCatalog;
import dev.northstar.payments.PaymentsRecorder;
import dev.northstar.payments.PaymentsSimulator;
import dev.northstar.payments.PaymentsTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Simulates a mobile payment platform and reports its success metrics. */
@Command(name = "payments", mixinStandardHelpOptions = true,
        description = "Simulate N days of a mobile payment platform (WeChat Pay / Alipay style) through "
                + "metrics-payments and report the last day and week against the ones before.")
final class PaymentsCommand implements Callable<Integer> {
    /** Which incident to inject on the last day. */
    enum IncidentChoice { BANK_OUTAGE, FRAUD_WAVE, LATENCY, RED_PACKETS, NONE }

    @Spec CommandSpec spec;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same metrics (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--days", description = "Days to simulate, ending on --last-day (default: ${DEFAULT-VALUE}).")
    int days = 14;

    @Option(names = "--last-day", description = "The last simulated day (default: ${DEFAULT-VALUE}).")
    LocalDate lastDay = LocalDate.of(2026, 11, 15);

    @Option(names = "--events-per-day", description = "About how many events a day (default: ${DEFAULT-VALUE}).")
    long eventsPerDay = 710_000;

    @Option(names = "--zone", description = "The platform's time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Option(names = "--incident", description = "Incident on the last day: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    IncidentChoice incident = IncidentChoice.BANK_OUTAGE;

    @Option(names = "--threads", description = "Recording threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", description = "Folder for the JSON and HTML reports (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("northstar-report");

    @Option(names = "--quiet", description = "Print only the summary; no progress bar.")
    boolean quiet;

    @Override public Integer call() throws IOException {
        PrintWriter w = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        if (days < 2 || days > 366) {
            throw new UserError("--days must be 2..366, was " + days);
        }
        if (eventsPerDay < 100 || eventsPerDay > 50_000_000) {
            throw new UserError("--events-per-day must be 100..50,000,000, was " + eventsPerDay);
        }
        if (threads < 1 || threads > 256) {
            throw new UserError("--threads must be 1..256, was " + threads);
        }
        PaymentsSimulator.Config config = PaymentsSimulator.Config.defaults(seed)
                .withDays(lastDay.minusDays(days - 1L), days)
                .withPaymentsPerDay((int) Math.max(1, eventsPerDay / PaymentsSimulator.EVENTS_PER_PAYMENT))
                .withIncidents(incidents());
        config = new PaymentsSimulator.Config(config.seed(), config.firstDay(), config.days(), config.paymentsPerDay(),
                zone, config.payers(), config.merchants(), config.incidents());
        Instant end = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        MetricRegistry registry = MetricRegistry.builder().zone(zone).clock(() -> end).build();
        PaymentsCatalog catalog = PaymentsCatalog.create("CNY");
        PaymentsRecorder recorder = catalog.register(registry);
        PaymentsSimulator simulator = new PaymentsSimulator(config);

        w.printf("Northstar payments demo: %d days to %s (%s), seed %d, incident: %s%n", days, lastDay, zone, seed,
                describe(config.incidents()));
        AtomicLong progress = new AtomicLong();
        long start = System.nanoTime();
        long events;
        try (ProgressBar bar = new ProgressBar(progress, simulator.expectedEvents(), "events", System.out,
                ProgressBar.wanted(quiet))) {
            events = simulator.run(recorder, threads, progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        w.printf("Simulated and recorded %,d events in %.1f s on %d threads: %,.0f events/s%n%n", events, seconds,
                threads, events / seconds);

        Scoreboard.report(w, registry, PaymentsTree.build(registry), Window.day(lastDay), catalog.definitions(), out,
                "payments");
        return 0;
    }

    private List<Incident> incidents() {
        return switch (incident) {
            case BANK_OUTAGE -> List.of(new Incident.BankOutage(lastDay, "east", "ICBC", 9, 13, 0.85));
            case FRAUD_WAVE -> List.of(new Incident.FraudWave(lastDay, 12));
            case LATENCY -> List.of(new Incident.LatencyRegression(lastDay, 18, 22, 3));
            case RED_PACKETS -> List.of(new Incident.RedPacketSurge(lastDay, 6));
            case NONE -> List.of();
        };
    }

    private static String describe(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return "none";
        }
        Incident i = incidents.get(0);
        if (i instanceof Incident.BankOutage o) {
            return String.format("%s unavailable in region %s, %02d:00-%02d:00 on %s", o.bank(), o.region(),
                    o.fromHour(), o.toHour(), o.day());
        }
        return i.toString();
    }
}
