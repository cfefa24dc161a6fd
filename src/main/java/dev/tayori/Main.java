package dev.tayori;

import dev.tayori.cli.Cli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The command line entry point: `java -jar tayori.jar COMMAND ...`. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.run(args, System.getenv(), Clock.systemUTC(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
