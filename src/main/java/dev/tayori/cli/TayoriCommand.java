package dev.tayori.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "tayori", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A self-hosted newsletter and drip-campaign engine.%n"
                + "Settings come from tayori.yaml (or --config FILE) and TAYORI_* environment variables.",
        subcommands = {ServeCommand.class, DemoCommand.class, SendDueCommand.class, StatusCommand.class, SubscribersCommand.class,
                InboxCommand.class, CampaignsCommand.class, DkimCommand.class})
public final class TayoriCommand implements Runnable {
    final CliContext context;

    TayoriCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Settings file (default: tayori.yaml in this folder, if present).")
    void config(Path file) {
        context.configFile(file);
    }

    @Override
    public void run() {
        context.err().println("Say what to do; for example: tayori demo, tayori send-due, tayori subscribers list."
                + " See tayori --help.");
    }
}
