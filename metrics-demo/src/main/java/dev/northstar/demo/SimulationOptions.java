package dev.northstar.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The options every simulation subcommand shares, with their defaults and checks. */
final class SimulationOptions {
    @Option(names = "--seed", description = "Random seed; the same seed gives the same metrics (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--days", description = "Days to simulate, ending on --last-day (default: ${DEFAULT-VALUE}).")
    int days = 14;

    @Option(names = "--last-day", description = "The last simulated day (default: ${DEFAULT-VALUE}).")
    LocalDate lastDay = LocalDate.of(2026, 11, 15);

    @Option(names = "--zone", description = "The platform's time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Option(names = "--threads", description = "Recording threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", description = "Folder for the JSON and HTML reports (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("northstar-report");

    @Option(names = "--quiet", description = "Print only the summary; no progress bar.")
    boolean quiet;

    /** Refuses out-of-range values as a user error. */
    void check() {
        if (days < 2 || days > 366) {
            throw new UserError("--days must be 2..366, was " + days);
        }
        if (threads < 1 || threads > 256) {
            throw new UserError("--threads must be 1..256, was " + threads);
        }
    }

    /** The first simulated day. */
    LocalDate firstDay() {
        return lastDay.minusDays(days - 1L);
    }
}
