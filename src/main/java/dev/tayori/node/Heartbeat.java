package dev.tayori.node;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beats for this node every 30 seconds on a timer of its own, not on the scheduler: a mailing that
 * keeps a run of due work busy for an hour must not make its node look gone, and a clustered
 * scheduler runs each minute's work on one node only.
 */
public final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    static final Duration EVERY = Duration.ofSeconds(30);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heartbeat");
        t.setDaemon(true);
        return t;
    });

    Heartbeat(Nodes nodes, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                nodes.tick();
            } catch (RuntimeException e) {
                // the database busy or away for a moment: the next beat tries again
                LOG.warn("node {}: heartbeat not written: {}", nodes.name(),
                        dev.tayori.config.Secrets.maskUrl(String.valueOf(e.getMessage())));
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts beating for {@code nodes}' registered node; the first beat comes after {@link #EVERY}. */
    public static Heartbeat start(Nodes nodes) {
        return new Heartbeat(nodes, EVERY);
    }

    /** No more beats; waits for one being written, so that "stopped" is written after it. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
