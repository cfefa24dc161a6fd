package dev.tayori.schedule;

import dev.tayori.inbound.Inbox;
import dev.tayori.inbound.MailboxUnreachable;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the inbound mailbox once. Thin on purpose: each message is handled once by its key in the
 * database, so a late or repeated poll does no harm; an unreachable mailbox is a warning line, and
 * the next poll tries again.
 */
@DisallowConcurrentExecution
public final class InboxJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(InboxJob.class);

    private final Inbox inbox;

    InboxJob(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            inbox.check().lines().stream().filter(line -> !line.contains(" left: ") && !line.contains("already handled"))
                    .forEach(line -> LOG.info("inbox {}", line));
        } catch (MailboxUnreachable e) {
            LOG.warn("{}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("inbox poll failed: {}", dev.tayori.config.Secrets.maskUrl(e.getMessage()));
        }
    }
}
