package dev.tayori.schedule;

import dev.tayori.delivery.DueWork;
import dev.tayori.delivery.SendReport;
import java.time.Clock;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due work for "now". Thin on purpose: what is due is decided by the database, so a run that
 * is late or repeated does no harm. No concurrent execution: a slow run makes the next one wait
 * instead of two runs claiming side by side in one process.
 */
@DisallowConcurrentExecution
public final class DueWorkJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(DueWorkJob.class);

    private final DueWork dueWork;
    private final Clock clock;

    DueWorkJob(DueWork dueWork, Clock clock) {
        this.dueWork = dueWork;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            log(dueWork.run(clock.instant()));
        } catch (RuntimeException e) {
            // Logged, not rethrown: Quartz would only log it less clearly, and the next minute retries.
            LOG.error("due work failed: {}", e.getMessage(), e);
        }
    }

    /** What a run did, per campaign, and what stopped it, as log lines; the report itself for chaining. */
    static SendReport log(SendReport report) {
        report.byCampaign().forEach((campaign, counts) -> {
            if (counts.planned + counts.sent + counts.failed + counts.cancelled + counts.retrying > 0) {
                LOG.info("{}: {}", campaign, counts);
            }
        });
        report.warnings().forEach(w -> LOG.warn("{}", w));
        if (report.problem() != null) {
            LOG.warn("{}", report.problem());
        }
        return report;
    }
}
