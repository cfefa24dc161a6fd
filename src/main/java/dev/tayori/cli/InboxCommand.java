package dev.tayori.cli;

import dev.tayori.App;
import dev.tayori.delivery.SendReport;
import dev.tayori.inbound.Inbox;
import dev.tayori.inbound.MailboxUnreachable;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "inbox",
        description = "The inbound mailbox (inbound.*): bounces, complaints, auto-replies, blank-mail sign-ups and "
                + "mailto unsubscribes.")
final class InboxCommand {
    @ParentCommand
    TayoriCommand root;

    @Mixin
    HelpOption help;

    @Command(name = "check",
            description = {"Read the mailbox once and print one line per message: what it was and what was done.",
                    "Each message is handled once (by its Message-ID); a second check changes nothing. Handled "
                            + "messages move to inbound.processed-folder (IMAP; POP3 keeps them), others stay.",
                    "Exit status 1 when the mailbox cannot be reached."})
    int check(@Mixin HelpOption help) {
        CliContext context = root.context;
        App app = context.app();
        PrintWriter out = context.out();
        Inbox.CheckReport report;
        try {
            report = app.inbox().check();
        } catch (MailboxUnreachable e) {
            context.err().println("error: " + e.getMessage());
            context.err().flush();
            return ExitCodes.FAILED;
        }
        report.lines().forEach(out::println);
        out.println(report.lines().size() + " message(s) in " + app.settings().inbound().folder());
        if (report.confirmationsQueued() > 0) {
            // the sign-up's confirmation goes out now, as after `subscribers add`, not at the next serve minute
            SendReport sent = app.dueWork().sendOnly(context.clock().instant());
            if (sent.problem() != null) {
                out.println("the confirmation mail(s) are queued and will go out with the next send-due");
                context.err().println("warning: " + sent.problem());
                context.err().flush();
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
