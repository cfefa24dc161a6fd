package dev.tayori.schedule;

import dev.tayori.delivery.DueWork;
import dev.tayori.reload.FileReloader;
import java.time.Clock;
import java.util.Properties;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz as the clock: one job, every minute, that runs due work. The in-memory job store is
 * enough because our tables hold all state; a misfired minute is dropped, not replayed, since the
 * next run computes everything that is due anyway. With a {@link FileReloader}, a second job looks
 * for edited files every minute at half past; one thread runs both, so new files are never swapped
 * in while a run of due work is sending.
 */
public final class Clockwork implements AutoCloseable {
    private final Scheduler scheduler;
    private volatile dev.tayori.inbound.Inbox inbox;

    public Clockwork(DueWork dueWork, Clock clock) {
        this(dueWork, clock, null);
    }

    public Clockwork(DueWork dueWork, Clock clock, FileReloader reloader) {
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", "tayori");
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // two: a slow mailbox (30 s timeouts) must not hold the minute's due work back
        props.setProperty("org.quartz.threadPool.threadCount", "2");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        try {
            scheduler = new StdSchedulerFactory(props).getScheduler();
            scheduler.setJobFactory((bundle, s) -> {
                Class<?> kind = bundle.getJobDetail().getJobClass();
                if (kind == FileReloadJob.class) {
                    return new FileReloadJob(reloader, dueWork);
                }
                return kind == InboxJob.class ? new InboxJob(inbox) : new DueWorkJob(dueWork, clock);
            });
            JobDetail job = JobBuilder.newJob(DueWorkJob.class).withIdentity("due-work").build();
            Trigger everyMinute = TriggerBuilder.newTrigger().withIdentity("every-minute").startNow()
                    .withSchedule(CronScheduleBuilder.cronSchedule("0 * * * * ?")
                            .withMisfireHandlingInstructionDoNothing())
                    .build();
            scheduler.scheduleJob(job, everyMinute);
            if (reloader != null) {
                scheduler.scheduleJob(JobBuilder.newJob(FileReloadJob.class).withIdentity("file-reload").build(),
                        TriggerBuilder.newTrigger().withIdentity("every-minute-at-half-past")
                                .withSchedule(CronScheduleBuilder.cronSchedule("30 * * * * ?")
                                        .withMisfireHandlingInstructionDoNothing())
                                .build());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the scheduler: " + e.getMessage(), e);
        }
    }

    /** Polls the inbound mailbox every {@code minutes}, first one minute after start. */
    public void pollInbox(dev.tayori.inbound.Inbox mailbox, int minutes) {
        this.inbox = mailbox;
        try {
            JobDetail job = JobBuilder.newJob(InboxJob.class).withIdentity("inbox").build();
            Trigger every = TriggerBuilder.newTrigger().withIdentity("inbox-poll")
                    .startAt(java.util.Date.from(java.time.Instant.now().plusSeconds(60)))
                    .withSchedule(org.quartz.SimpleScheduleBuilder.repeatMinutelyForever(minutes)
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(job, every);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the inbox poll: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Runs the job once now, in addition to the minute schedule (on start, after a confirmation). */
    public void runNow() {
        try {
            scheduler.triggerJob(new org.quartz.JobKey("due-work"));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot trigger due work: " + e.getMessage(), e);
        }
    }

    /** Stops, waiting for the jobs running now; a second call returns at once (Quartz shuts down once). */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            // shutting down anyway
        }
    }
}
