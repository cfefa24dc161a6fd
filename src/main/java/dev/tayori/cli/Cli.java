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
        CommandLine commandLine = new CommandLine(new TayoriCommand(context), factory(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new ExitCodes());
        commandLine.setParameterExceptionHandler(Cli::badCommandLine);
        try {
            return commandLine.execute(args);
        } finally {
            context.close();
        }
    }

    /**
     * A mistyped command or option: one line saying what is wrong, "did you mean" when picocli knows
     * a near name (subscribers lsit -> list), and where to read more; not the whole usage text,
     * which buries the one line that matters.
     */
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine at = e.getCommandLine();
        PrintWriter err = at.getErr();
        err.println("error: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String suggestion = suggestion(unmatched, at);
            if (!suggestion.isEmpty()) {
                err.println("did you mean " + suggestion + "?");
            }
        }
        err.println("see: " + at.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    /**
     * Picocli's suggestions compare letter pairs and miss swapped letters ("lsit" has no pair in
     * common with "list"); edit distance, as for setting names, catches those.
     */
    private static String suggestion(CommandLine.UnmatchedArgumentException e, CommandLine at) {
        if (!e.getSuggestions().isEmpty()) {
            return String.join(" or ", e.getSuggestions());
        }
        if (e.getUnmatched().isEmpty()) {
            return "";
        }
        String given = e.getUnmatched().get(0);
        java.util.Set<String> names = given.startsWith("-") ? at.getCommandSpec().optionsMap().keySet()
                : at.getSubcommands().keySet();
        String hint = dev.tayori.config.Suggestions.didYouMean(given.split("=", 2)[0], names);
        // didYouMean answers " (did you mean 'x'?)"; here only the name is wanted
        return hint.isEmpty() ? "" : hint.substring(hint.indexOf('\'') + 1, hint.lastIndexOf('\''));
    }

    /** Picocli's own factory, but converters that need the settings get the context. */
    private static CommandLine.IFactory factory(CliContext context) {
        CommandLine.IFactory standard = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                if (type == InstantConverter.class) {
                    return (K) new InstantConverter(context);
                }
                return standard.create(type);
            }
        };
    }
}
