package dev.tayori.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** Runs one command line in-process: what Main calls, and what the tests call with their own clock. */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, Map<String, String> environment, Clock clock, PrintWriter out,
            PrintWriter err) {
        CliContext context = new CliContext(environment, clock, out, err);
        CommandLine commandLine = new CommandLine(new TayoriCommand(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ExitCodes());
        commandLine.setParameterExceptionHandler((e, args2) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        return commandLine.execute(args);
    }
}
