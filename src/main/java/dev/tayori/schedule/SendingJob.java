package dev.tayori.schedule;

import dev.tayori.delivery.DueWork;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is recorded and due, planning nothing: each node of a cluster runs it on its own
 * schedule, so every node claims and sends a share of a mailing that one node planned.
 */
@DisallowConcurrentExecution
public final class SendingJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(SendingJob.class);

    private final DueWork dueWork;
    private final Clock clock;

    SendingJob(DueWork dueWork, Clock clock) {
        this.dueWork = dueWork;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            DueWorkJob.log(dueWork.sendOnly(clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("sending failed: {}", e.getMessage(), e);
        }
    }
}
