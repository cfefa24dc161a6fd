package dev.tayori.cli;

import dev.tayori.App;
import dev.tayori.node.Heartbeat;
import dev.tayori.schedule.Clockwork;
import dev.tayori.web.Mailbox;
import dev.tayori.web.admin.AdminAuth;
import dev.tayori.web.WebServer;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve",
        description = {"Run tayori: every minute, plan and send what is due, and pick up edited campaign files and"
                + " templates (checked first; a broken edit keeps the last good version).",
                "Stops cleanly on SIGTERM or Ctrl-C: the mails on the wire finish (30 s at most), mail claimed but"
                + " not sent is handed back for the next run, and it exits 0.",
                "Needs an SMTP server (smtp.host); to try tayori without one, run `tayori demo`."})
final class ServeCommand implements Callable<Integer> {
    /** How long the mails on the wire may take to finish when the process is told to stop. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(30);
    /** How long the shutdown hook waits for the whole clean stop (the mails, the web server, the last rows). */
    static final Duration PATIENCE = IN_FLIGHT.plusSeconds(15);

    @ParentCommand
    TayoriCommand root;

    @picocli.CommandLine.Mixin
    HelpOption help;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context;
        if (!context.settings().smtp().configured()) {
            throw new IllegalArgumentException("smtp.host is not set: set it in tayori.yaml or TAYORI_SMTP_HOST,"
                    + " or run `tayori demo` to try tayori with its built-in mail sink");
        }
        return serve(context, null, null, "0.0.0.0", "serve");
    }

    /**
     * Runs until the process is told to stop (SIGTERM, Ctrl-C), then stops cleanly; {@code banner} is
     * printed once everything is up; {@code command} is what the nodes table calls this process.
     */
    static int serve(CliContext context, String banner, Mailbox mailbox, String host, String command)
            throws InterruptedException {
        App app = context.app();
        app.settings().sender().missing().ifPresent(m -> {
            throw new IllegalArgumentException(m);
        });
        PortInUse.check(host, app.settings().webPort(), "web.port, for the web pages",
                "set web.port in tayori.yaml or TAYORI_WEB_PORT");
        SubscribersCommand.warnAboutDuplicates(app, context.err());
        AdminAuth adminAuth = new AdminAuth(app.jdbi(), app.clock());
        adminAuth.prepare(app.settings().adminPassword()).ifPresent(password -> context.out().println(
                "The admin pages (" + app.settings().baseUrl() + "/admin) have a new password, shown only this once: "
                        + password + "\n  (set admin.password in tayori.yaml to choose your own)"));
        // The hook is in place before anything runs, so a signal at any moment finds the stop below.
        try (StopOnSignal signal = new StopOnSignal(() -> { }, PATIENCE)) {
            int status = run(context, banner, mailbox, host, command, adminAuth, signal);
            signal.finished(status); // the hook ends the process now, with this status
            return status;
        }
    }

    private static int run(CliContext context, String banner, Mailbox mailbox, String host, String command,
            AdminAuth adminAuth, StopOnSignal signal) throws InterruptedException {
        App app = context.app();
        // closed again on the way out (each close does nothing the second time): a start that fails half
        // way still stops what did start
        try (Heartbeat heartbeat = Heartbeat.start(app.nodes());
                Clockwork clockwork = Clockwork.of(app);
                WebServer web = new WebServer(app, mailbox, adminAuth).start(host, app.settings().webPort())) {
            // registered once everything is up: a start that fails leaves no node looking alive
            app.nodes().register(command).ifPresent(w -> context.err().println("WARN " + w));
            if (app.settings().inbound().configured()) {
                clockwork.pollInbox(app.inbox(), app.settings().inbound().pollMinutes());
            }
            clockwork.start();
            clockwork.runNow();
            context.out().println(banner != null ? banner : "tayori is running as node " + app.nodes().name()
                    + ": the sign-up form is at " + app.settings().baseUrl()
                    + "/subscribe; due mail is planned and sent every minute. Stop with Ctrl-C.");
            context.out().flush();
            context.err().flush();
            signal.awaitSignal();
            return new CleanStop(app, context.out()).stop(clockwork, web, heartbeat);
        }
    }
}
