package dev.tayori.cli;

import dev.tayori.App;
import dev.tayori.node.Heartbeat;
import dev.tayori.schedule.Clockwork;
import dev.tayori.web.WebServer;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How `serve` stops when it is told to, in the order that loses nothing and sends nothing twice:
 * not ready (a load balancer stops sending readers), no new work (no claims, no planning), the mails on
 * the wire finish and are recorded and what was claimed but not sent goes back to planned (the
 * outbox's own end of run), the scheduler and the web server stop, the heartbeat stops, and last the
 * node's row says it stopped.
 */
final class CleanStop {
    private static final Logger LOG = LoggerFactory.getLogger(CleanStop.class);

    private final App app;
    private final PrintWriter out;

    CleanStop(App app, PrintWriter out) {
        this.app = app;
        this.out = out;
    }

    /** Stops; 0 when everything finished in time, 1 when mails were still on the wire after the wait. */
    int stop(Clockwork clockwork, WebServer web, Heartbeat heartbeat) throws InterruptedException {
        long started = System.nanoTime();
        out.println("tayori is stopping: the mails being sent finish, the rest is handed back for the next run");
        out.flush();
        app.readiness().stopping();
        app.dueWork().stop();
        // Quartz waits for the run of due work (and an inbox poll) to end; both end soon once told to
        // stop, unless the SMTP server hangs, which the wait must not follow beyond its bound.
        Thread scheduler = new Thread(clockwork::close, "stopping-scheduler");
        scheduler.start();
        scheduler.join(ServeCommand.IN_FLIGHT.toMillis());
        boolean finished = !scheduler.isAlive();
        if (!finished) {
            LOG.warn("mails were still being sent {} s after the stop began; they stay claimed and are sent again"
                    + " (same Message-ID) once their lease runs out (delivery.lease-seconds)",
                    ServeCommand.IN_FLIGHT.toSeconds());
        }
        web.close();
        heartbeat.close();
        app.nodes().stopped();
        out.println("tayori stopped (node " + app.nodes().name() + ", "
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
        out.flush();
        return finished ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
