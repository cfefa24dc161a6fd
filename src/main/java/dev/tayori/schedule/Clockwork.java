package dev.tayori.schedule;

import dev.tayori.App;
import dev.tayori.db.Dialect;
import dev.tayori.delivery.DueWork;
import dev.tayori.inbound.Inbox;
import dev.tayori.reload.FileReloader;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Quartz as the clock. Every tick (a minute unless schedule.tick-seconds says otherwise) due work
 * is planned and sent; at half past, edited files are looked for; every inbound.poll-minutes the
 * mailbox is read.
 *
 * <p>On SQLite one process owns the file, and Quartz's in-memory store is enough: our tables hold
 * all state, and a misfired tick is dropped, since the next one computes everything due anyway.
 *
 * <p>On PostgreSQL several nodes share one database, and their schedule is shared through Quartz's
 * clustered JDBC job store (its tables come with our migrations): planning and the mailbox poll
 * fire on one node at a time, and if that node dies mid-run, another re-runs it once Quartz sees
 * the node gone (check-ins every {@value #CHECKIN_MILLIS} ms). Sending is not shared: each node
 * also sends on a local schedule of its own, claiming rows as it always does, so one mailing is
 * spread over every node. Looking for edited files stays local too, since each node has its own.
 */
public final class Clockwork implements AutoCloseable {
    static final long CHECKIN_MILLIS = 10_000;
    private static final JobKey DUE_WORK = new JobKey("due-work");

    private final Scheduler local;
    /** The shared schedule on PostgreSQL; null on SQLite, where the local one does everything. */
    private final Scheduler cluster;
    private volatile Inbox inbox;

    public Clockwork(DueWork dueWork, Clock clock) {
        this(dueWork, clock, null);
    }

    public Clockwork(DueWork dueWork, Clock clock, FileReloader reloader) {
        this(dueWork, clock, reloader, 60, null, null);
    }

    /** The clock for a whole app: clustered when its database is PostgreSQL. */
    public static Clockwork of(App app) {
        boolean shared = app.database().dialect() == Dialect.POSTGRESQL;
        return new Clockwork(app.dueWork(), app.clock(), app.reloader(), app.settings().tickSeconds(),
                shared ? app.database().dataSource() : null, shared ? app.settings().nodeName() : null);
    }

    private Clockwork(DueWork dueWork, Clock clock, FileReloader reloader, int tickSeconds, DataSource shared,
            String nodeName) {
        try {
            local = new StdSchedulerFactory(localProperties(shared == null ? "tayori" : "tayori-sending")).getScheduler();
            local.setJobFactory((bundle, s) -> job(bundle.getJobDetail().getJobClass(), dueWork, clock, reloader));
            cluster = shared == null ? null : clustered(shared, nodeName);
            if (cluster != null) {
                cluster.setJobFactory((bundle, s) -> job(bundle.getJobDetail().getJobClass(), dueWork, clock, reloader));
            }
            // on SQLite the one job plans and sends; on PostgreSQL the shared one does, on whichever node it
            // fires, and every node's own sending job sends what any node planned
            schedule(cluster != null ? cluster : local, JobBuilder.newJob(DueWorkJob.class).withIdentity(DUE_WORK)
                    .requestRecovery(true).build(), "every-tick", tick(tickSeconds, 0));
            if (cluster != null) {
                schedule(local, JobBuilder.newJob(SendingJob.class).withIdentity("sending").build(), "every-tick",
                        tick(tickSeconds, tickSeconds >= 60 ? 15 : 0));
            }
            if (reloader != null) {
                schedule(local, JobBuilder.newJob(FileReloadJob.class).withIdentity("file-reload").build(),
                        "every-minute-at-half-past", CronScheduleBuilder.cronSchedule("30 * * * * ?")
                                .withMisfireHandlingInstructionDoNothing());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the scheduler: " + e.getMessage(), e);
        }
    }

    private org.quartz.Job job(Class<?> kind, DueWork dueWork, Clock clock, FileReloader reloader) {
        if (kind == FileReloadJob.class) {
            return new FileReloadJob(reloader, dueWork);
        }
        if (kind == InboxJob.class) {
            return new InboxJob(inbox);
        }
        return kind == SendingJob.class ? new SendingJob(dueWork, clock) : new DueWorkJob(dueWork, clock);
    }

    /** At second 0 (or {@code offset}) of every minute; a shorter tick, every so many seconds. */
    private static ScheduleBuilder<? extends Trigger> tick(int seconds, int offset) {
        if (seconds >= 60) {
            return CronScheduleBuilder.cronSchedule(offset + " * * * * ?").withMisfireHandlingInstructionDoNothing();
        }
        return SimpleScheduleBuilder.repeatSecondlyForever(seconds).withMisfireHandlingInstructionNextWithRemainingCount();
    }

    private static void schedule(Scheduler scheduler, JobDetail job, String trigger, ScheduleBuilder<? extends Trigger> when)
            throws SchedulerException {
        // replace: in the shared store, every node that starts writes the same job and trigger
        scheduler.scheduleJob(job, Set.of(TriggerBuilder.newTrigger().withIdentity(trigger).forJob(job)
                .startNow().withSchedule(when).build()), true);
    }

    private static Properties localProperties(String name) {
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", name);
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // two: a slow mailbox (30 s timeouts) must not hold the minute's due work back
        props.setProperty("org.quartz.threadPool.threadCount", "2");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return props;
    }

    /** Quartz's JDBC job store on our own pool, clustered: every node of one database is one scheduler. */
    private static Scheduler clustered(DataSource shared, String nodeName) throws SchedulerException {
        String dataSource = "tayori-" + nodeName;
        org.quartz.utils.DBConnectionManager.getInstance().addConnectionProvider(dataSource,
                new org.quartz.utils.ConnectionProvider() {
                    @Override
                    public java.sql.Connection getConnection() throws java.sql.SQLException {
                        return shared.getConnection();
                    }

                    @Override
                    public void shutdown() {
                        // the pool belongs to the app, which closes it
                    }

                    @Override
                    public void initialize() {
                    }
                });
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", "tayori");
        props.setProperty("org.quartz.scheduler.instanceId", nodeName);
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        props.setProperty("org.quartz.threadPool.threadCount", "2");
        props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        props.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        props.setProperty("org.quartz.jobStore.dataSource", dataSource);
        props.setProperty("org.quartz.jobStore.isClustered", "true");
        props.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CHECKIN_MILLIS));
        // take the trigger lock while acquiring, so two nodes never fire one tick (Quartz's advice for clusters)
        props.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        props.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return new StdSchedulerFactory(props).getScheduler();
    }

    /** Polls the inbound mailbox every {@code minutes}, first one minute after start; on one node at a time. */
    public void pollInbox(Inbox mailbox, int minutes) {
        this.inbox = mailbox;
        try {
            JobDetail job = JobBuilder.newJob(InboxJob.class).withIdentity("inbox").build();
            (cluster != null ? cluster : local).scheduleJob(job, Set.of(TriggerBuilder.newTrigger()
                    .withIdentity("inbox-poll").forJob(job)
                    .startAt(Date.from(Instant.now().plusSeconds(60)))
                    .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever(minutes)
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build()), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the inbox poll: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            local.start();
            if (cluster != null) {
                cluster.start();
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Runs due work once now, in addition to the schedule (on start, after a confirmation). */
    public void runNow() {
        try {
            (cluster != null ? cluster : local).triggerJob(DUE_WORK);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot trigger due work: " + e.getMessage(), e);
        }
    }

    /** Stops, waiting for the jobs running now; a second call returns at once (Quartz shuts down once). */
    @Override
    public void close() {
        for (Scheduler s : cluster != null ? new Scheduler[] {cluster, local} : new Scheduler[] {local}) {
            try {
                s.shutdown(true);
            } catch (SchedulerException e) {
                // shutting down anyway
            }
        }
    }
}
