package dev.tayori.cli;

import picocli.CommandLine.Option;

/**
 * Only -h/--help, for every command but the root: picocli's standard mixin would also give each
 * subcommand a -V/--version that prints nothing, since the version belongs to tayori as a whole.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
