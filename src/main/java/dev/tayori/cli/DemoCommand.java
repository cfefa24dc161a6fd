package dev.tayori.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tayori.config.Sender;
import dev.tayori.config.Settings;
import dev.tayori.web.Mailbox;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo",
        description = {"Try tayori on this machine with nothing else installed: runs `serve` with its own demo "
                + "database (demo-data/) and, unless smtp.host is set, a built-in mail sink that keeps every mail "
                + "it receives instead of delivering it."})
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    TayoriCommand root;

    @picocli.CommandLine.Mixin
    HelpOption help;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "2525",
            description = "Port of the built-in mail sink (default 2525).")
    int smtpPort;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context;
        Settings settings = context.settings().withDatabaseUrl("jdbc:sqlite:demo-data/tayori-demo.db");
        Sender sender = settings.sender();
        if (sender.postalAddress().isBlank()) {
            settings = settings.withSender(new Sender(sender.name().equals("tayori") ? "tayori デモ" : sender.name(),
                    sender.email(), "〒100-0000 東京都千代田区（デモ用の住所）", sender.contact()));
        }
        GreenMail sink = null;
        if (!settings.smtp().configured()) {
            PortInUse.check("127.0.0.1", smtpPort, "the demo's built-in mail sink", "choose another with `demo --smtp-port PORT`");
            sink = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            sink.start();
            settings = settings.withSmtp(settings.smtp().withServer("127.0.0.1", smtpPort));
        }
        context.settings(settings);
        String base = settings.baseUrl();
        String banner = "tayori demo is running (database demo-data/tayori-demo.db)."
                + "\n  Sign up:  " + base + "/subscribe"
                + (sink != null ? "\n  Mailbox:  " + base + "/mailbox   (every mail the built-in mail sink received)" : "")
                + "\nOpen the sign-up page, subscribe with any address, open the confirmation mail in the mailbox,"
                + "\nfollow its link and confirm: lesson 1 of the workbook arrives in the mailbox. Stop with Ctrl-C.";
        GreenMail received = sink;
        Mailbox mailbox = received == null ? null : () -> java.util.List.of(received.getReceivedMessages());
        try {
            return ServeCommand.serve(context, banner, mailbox, "127.0.0.1", "demo");
        } finally {
            if (sink != null) {
                sink.stop();
            }
        }
    }
}
