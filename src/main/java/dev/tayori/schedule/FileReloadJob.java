package dev.tayori.schedule;

import dev.tayori.delivery.DueWork;
import dev.tayori.reload.FileReloader;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks for edited campaign files and templates; the reloader decides, checks and logs. */
@DisallowConcurrentExecution
public final class FileReloadJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(FileReloadJob.class);

    private final FileReloader reloader;
    private final DueWork dueWork;

    FileReloadJob(FileReloader reloader, DueWork dueWork) {
        this.reloader = reloader;
        this.dueWork = dueWork;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            // The scheduler has more than one thread (the mailbox poll must not hold due work back), so
            // the swap waits for a due-work run to end (DueWork's runs hold its lock): one run's
            // readers all get one version of the files.
            synchronized (dueWork) {
                reloader.check();
            }
        } catch (RuntimeException e) {
            LOG.error("looking for edited campaign files failed: {}", e.getMessage(), e);
        }
    }
}
