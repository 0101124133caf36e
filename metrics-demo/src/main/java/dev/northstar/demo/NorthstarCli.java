package dev.northstar.demo;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Northstar demo: simulate or replay a platform and see its success metrics.
 *
 * <pre>
 * java -jar metrics-demo/target/northstar-demo.jar            # payments, the default
 * java -jar metrics-demo/target/northstar-demo.jar replay --window month --as-of 2011-11-30 --json
 * </pre>
 *
 * <p>Exit codes: 0 on success, 2 on bad arguments or unreadable input (one line on stderr, never a
 * stack trace), 1 on an unexpected failure.
 */
@Command(name = "northstar", mixinStandardHelpOptions = true, version = "northstar 0.1.0",
        description = "Simulate or replay a platform through Northstar and see its success metrics.%n"
                + "Without a subcommand, runs 'payments' (with any options given).",
        subcommands = {PaymentsCommand.class, ContentCommand.class, ReplayCommand.class})
public final class NorthstarCli {

    /** Runs the command line and returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new NorthstarCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("northstar: " + ex.getMessage()
                    + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError) {
                commandLine.getErr().println("northstar: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        int code = cli.execute(defaultToPayments(args));
        out.flush();
        err.flush();
        return code;
    }

    /** With no subcommand, the arguments are the payments command's options. */
    private static String[] defaultToPayments(String[] args) {
        if (args.length > 0 && (!args[0].startsWith("-") || List.of("-h", "--help", "-V", "--version").contains(args[0]))) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "payments";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
