package dev.tayori.schedule;

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

    FileReloadJob(FileReloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            reloader.check();
        } catch (RuntimeException e) {
            LOG.error("looking for edited campaign files failed: {}", e.getMessage(), e);
        }
    }
}
