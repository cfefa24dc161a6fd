package dev.tayori.web;

import dev.tayori.delivery.DueWork;
import dev.tayori.delivery.SendReport;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due work right after a sign-up or confirmation, so the confirmation mail and lesson 1 go
 * out at once through the same planner and outbox as everything else, without the reader's page
 * waiting for the SMTP server.
 */
public final class MailNow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailNow.class);

    private final DueWork dueWork;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-now");
        t.setDaemon(true);
        return t;
    });

    public MailNow(DueWork dueWork, Clock clock) {
        this.dueWork = dueWork;
        this.clock = clock;
    }

    public void kick() {
        executor.submit(() -> {
            try {
                SendReport report = dueWork.run(clock.instant());
                if (report.problem() != null) {
                    LOG.warn("{}", report.problem());
                }
            } catch (RuntimeException e) {
                LOG.error("sending right away failed; the next scheduled run retries: {}", e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
