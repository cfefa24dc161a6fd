package dev.tayori.cli;

import dev.tayori.App;
import dev.tayori.schedule.Clockwork;
import dev.tayori.web.Mailbox;
import dev.tayori.web.admin.AdminAuth;
import dev.tayori.web.WebServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve",
        description = {"Run tayori: every minute, plan and send what is due, and pick up edited campaign files and"
                + " templates (checked first; a broken edit keeps the last good version). Stops on Ctrl-C.",
                "Needs an SMTP server (smtp.host); to try tayori without one, run `tayori demo`."})
final class ServeCommand implements Callable<Integer> {
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
        return serve(context, null, null, "0.0.0.0");
    }

    /** Runs until the process is stopped; {@code banner} is printed once everything is up. */
    static int serve(CliContext context, String banner, Mailbox mailbox, String host) throws InterruptedException {
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
        CountDownLatch stopped = new CountDownLatch(1);
        try (Clockwork clockwork = Clockwork.of(app);
                WebServer web = new WebServer(app, mailbox, adminAuth).start(host, app.settings().webPort())) {
            if (app.settings().inbound().configured()) {
                clockwork.pollInbox(app.inbox(), app.settings().inbound().pollMinutes());
            }
            clockwork.start();
            clockwork.runNow();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            context.out().println(banner != null ? banner : "tayori is running: the sign-up form is at "
                    + app.settings().baseUrl() + "/subscribe; due mail is planned and sent every minute. Stop with Ctrl-C.");
            context.out().flush();
            context.err().flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }
}
