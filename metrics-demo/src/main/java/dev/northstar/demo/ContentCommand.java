package dev.northstar.demo;

import dev.northstar.content.ContentCatalog;
import dev.northstar.content.ContentIncident;
import dev.northstar.content.ContentRecorder;
import dev.northstar.content.ContentSimulator;
import dev.northstar.content.ContentTree;
import dev.northstar.metrics.registry.MetricRegistry;
import dev.northstar.metrics.time.Window;
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

/** Simulates a content / official-accounts platform and reports its success scorecard. */
@Command(name = "content", mixinStandardHelpOptions = true,
        description = "Simulate N days of a content platform (WeChat Official Accounts style) through "
                + "metrics-content and report the last day against the one before.")
final class ContentCommand implements Callable<Integer> {
    /** Which incident to inject on the last day. */
    enum IncidentChoice { CLICKBAIT, SPAM, FEED_CHANGE, NONE }

    @Spec CommandSpec spec;

    @Mixin SimulationOptions sim = new SimulationOptions();

    @Option(names = "--reads-per-day", description = "Article reads a day (default: ${DEFAULT-VALUE}).")
    int readsPerDay = 400_000;

    @Option(names = "--incident", description = "Incident on the last day: ${COMPLETION-CANDIDATES} "
            + "(default: ${DEFAULT-VALUE}).")
    IncidentChoice incident = IncidentChoice.CLICKBAIT;

    @Override public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        sim.check();
        if (readsPerDay < 100 || readsPerDay > 20_000_000) {
            throw new UserError("--reads-per-day must be 100..20,000,000, was " + readsPerDay);
        }
        ContentSimulator.Config base = ContentSimulator.Config.defaults(sim.seed).withDays(sim.firstDay(), sim.days)
                .withReadsPerDay(readsPerDay);
        base = new ContentSimulator.Config(base.seed(), base.firstDay(), base.days(), base.readsPerDay(), sim.zone,
                base.accounts(), base.readers(), base.incidents());
        ContentSimulator probe = new ContentSimulator(base);
        List<String> clickbaiters = probe.topAccounts(12).subList(4, 7);
        ContentSimulator simulator = new ContentSimulator(base.withIncidents(switch (incident) {
            case CLICKBAIT -> List.of(ContentIncident.ClickbaitWave.of(sim.lastDay, 1, clickbaiters));
            case SPAM -> List.of(new ContentIncident.SpamWave(sim.lastDay, 1, 8));
            case FEED_CHANGE -> List.<ContentIncident>of(new ContentIncident.FeedAlgorithmChange(sim.lastDay, 0.5));
            case NONE -> List.<ContentIncident>of();
        }));
        Instant end = sim.lastDay.plusDays(1).atStartOfDay(sim.zone).toInstant();
        MetricRegistry registry = MetricRegistry.builder().zone(sim.zone).clock(() -> end).build();
        ContentCatalog catalog = ContentCatalog.forTopAccounts("CNY", probe.topAccounts(ContentCatalog.DEFAULT_ACCOUNT_LIMIT));
        ContentRecorder recorder = catalog.register(registry);

        w.printf("Northstar content demo: %d days to %s (%s), seed %d, incident: %s%s%n", sim.days, sim.lastDay, sim.zone, sim.seed,
                incident.name().toLowerCase(), incident == IncidentChoice.CLICKBAIT ? " by " + clickbaiters : "");
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
        Scoreboard.report(w, registry, ContentTree.build(registry), Window.day(sim.lastDay), catalog.definitions(), sim.out,
                "content");
        return 0;
    }
}
