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
import picocli.CommandLine.Mixin;
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

    @Mixin SimulationOptions sim = new SimulationOptions();

    @Option(names = "--events-per-day", description = "About how many events a day (default: ${DEFAULT-VALUE}).")
    long eventsPerDay = 710_000;

    @Option(names = "--incident", description = "Incident on the last day: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    IncidentChoice incident = IncidentChoice.BANK_OUTAGE;

    @Override public Integer call() throws IOException {
        PrintWriter w = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        sim.check();
        if (eventsPerDay < 100 || eventsPerDay > 50_000_000) {
            throw new UserError("--events-per-day must be 100..50,000,000, was " + eventsPerDay);
        }
        PaymentsSimulator.Config config = PaymentsSimulator.Config.defaults(sim.seed)
                .withDays(sim.firstDay(), sim.days)
                .withPaymentsPerDay((int) Math.max(1, eventsPerDay / PaymentsSimulator.EVENTS_PER_PAYMENT))
                .withIncidents(incidents());
        config = new PaymentsSimulator.Config(config.seed(), config.firstDay(), config.days(), config.paymentsPerDay(),
                sim.zone, config.payers(), config.merchants(), config.incidents());
        Instant end = sim.lastDay.plusDays(1).atStartOfDay(sim.zone).toInstant();
        MetricRegistry registry = MetricRegistry.builder().zone(sim.zone).clock(() -> end).build();
        PaymentsCatalog catalog = PaymentsCatalog.create("CNY");
        PaymentsRecorder recorder = catalog.register(registry);
        PaymentsSimulator simulator = new PaymentsSimulator(config);

        w.printf("Northstar payments demo: %d days to %s (%s), seed %d, incident: %s%n", sim.days, sim.lastDay, sim.zone, sim.seed,
                describe(config.incidents()));
        AtomicLong progress = new AtomicLong();
        long start = System.nanoTime();
        long events;
        try (ProgressBar bar = new ProgressBar(progress, simulator.expectedEvents(), "events", System.out,
                ProgressBar.wanted(sim.quiet))) {
            events = simulator.run(recorder, sim.threads, progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        w.printf("Simulated and recorded %,d events in %.1f s on %d threads: %,.0f events/s%n%n", events, seconds,
                sim.threads, events / seconds);

        Scoreboard.report(w, registry, PaymentsTree.build(registry), Window.day(sim.lastDay), catalog.definitions(), sim.out,
                "payments");
        return 0;
    }

    private List<Incident> incidents() {
        return switch (incident) {
            case BANK_OUTAGE -> List.of(new Incident.BankOutage(sim.lastDay, "east", "ICBC", 9, 13, 0.85));
            case FRAUD_WAVE -> List.of(new Incident.FraudWave(sim.lastDay, 12));
            case LATENCY -> List.of(new Incident.LatencyRegression(sim.lastDay, 18, 22, 3));
            case RED_PACKETS -> List.of(new Incident.RedPacketSurge(sim.lastDay, 6));
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
