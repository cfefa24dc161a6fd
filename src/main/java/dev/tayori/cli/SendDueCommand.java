package dev.tayori.cli;

import dev.tayori.config.Formats;
import dev.tayori.overview.CampaignOverview;

import dev.tayori.delivery.DueWork;
import dev.tayori.delivery.SendReport;
import dev.tayori.node.Heartbeat;
import dev.tayori.node.Nodes;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "send-due",
        description = {"Plan and send every mail due at an instant.",
                "That is workbook lessons whose time has come, newsletter issues and announcements whose slot has "
                + "come, and mail waiting for a retry. Safe to run twice, or in two processes at once: nothing is "
                + "sent twice.",
                "Exits 1 with one line if the SMTP server cannot be reached; the mail stays queued for the next run.",
                "On SIGTERM or Ctrl-C the mails being sent finish, the rest is handed back for the next run, and the"
                + " report says so."})
final class SendDueCommand implements Callable<Integer> {
    @ParentCommand
    TayoriCommand root;

    @picocli.CommandLine.Mixin
    HelpOption help;

    @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "The instant to run for, ISO-8601 with offset, e.g. 2026-11-24T07:00+09:00 (default: now).")
    Instant at;

    @Option(names = "--plan-only", description = "Record what is due without sending it (the next run sends it).")
    boolean planOnly;

    @Override
    public Integer call() {
        CliContext context = root.context;
        Nodes nodes = context.app().nodes();
        nodes.register("send-due").ifPresent(w -> context.err().println("WARN " + w));
        try (StopOnSignal signal = new StopOnSignal(context.app().dueWork()::stop, ServeCommand.PATIENCE);
                Heartbeat heartbeat = Heartbeat.start(nodes)) {
            int status = sendDue(context);
            heartbeat.close();
            nodes.stopped();
            signal.finished(status);
            return status;
        } finally {
            nodes.stopped(); // also after an error: this run is over either way (a second call does no harm)
        }
    }

    private int sendDue(CliContext context) {
        Instant instant = at != null ? at : context.clock().instant();
        SubscribersCommand.warnAboutDuplicates(context.app(), context.err());
        DueWork work = context.app().dueWork();
        SendReport report = new SendReport();
        work.plan(instant, report);
        if (!planOnly) {
            try (Progress progress = new Progress("send-due", "mails", work.waiting(instant), context.err(),
                    "handled %d mails so far")) {
                work.send(instant, report, progress);
            }
        }
        context.out().println("send-due at " + Formats.local(instant, context.settings().timezone())
                + (planOnly ? " (planning only: nothing was sent)" : ""));
        if (report.byCampaign().isEmpty()) {
            context.out().println("  nothing was due");
        }
        for (Map.Entry<String, SendReport.Counts> e : report.byCampaign().entrySet()) {
            context.out().println("  " + e.getKey() + ": " + e.getValue());
        }
        report.notes().forEach(n -> context.out().println("  " + n));
        context.out().println(String.format("  planning took %,d ms", report.planning().toMillis())
                + (planOnly ? "" : String.format(", sending %,d ms", report.sending().toMillis())));
        context.out().flush();
        // Warnings (the article feed was unreachable, a campaign file vanished): the mail that was due
        // went out, but something due could not be prepared now. Exit 1, so cron or systemd tells the
        // operator; the next run tries again.
        report.warnings().forEach(w -> context.err().println("warning: " + w));
        if (report.held() != null) {
            // "until 12:04" in the operator's zone; the count is every mail the limit keeps waiting
            SendReport.Held held = report.held();
            context.out().println("  waiting: " + held.hold().limit().reason() + " until "
                    + Formats.clock(held.hold().until(), context.settings().timezone(), context.clock().instant())
                    + "; " + held.waiting() + " mail(s) wait for the next run");
            context.out().flush();
        }
        context.err().flush();
        if (report.problem() == null && !report.warnings().isEmpty()) {
            return ExitCodes.FAILED;
        }
        if (report.problem() != null) {
            context.err().println("error: " + report.problem());
            context.err().flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
