package dev.tayori.health;

import dev.tayori.campaign.Campaigns;
import dev.tayori.db.SchemaVersion;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node should be sent readers and API calls (GET /readyz for a load balancer): the
 * database answers, it holds every migration this build ships, campaign files are loaded, and the
 * node is not shutting down. The reason given is one short line for whoever runs the load balancer;
 * what the database said exactly goes to the log (masked), never to the answer, which anyone can read.
 */
public final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    /** The answer: ready, or not and why. */
    public record Answer(boolean ready, String reason) {
    }

    private final Jdbi jdbi;
    private final dev.tayori.db.Dialect dialect;
    private final Campaigns campaigns;
    private volatile boolean stopping;

    public Readiness(Jdbi jdbi, dev.tayori.db.Dialect dialect, Campaigns campaigns) {
        this.dialect = dialect;
        this.jdbi = jdbi;
        this.campaigns = campaigns;
    }

    /** From now on not ready: the node is stopping and finishing what it has in hand. */
    public void stopping() {
        stopping = true;
    }

    public Answer now() {
        if (stopping) {
            return new Answer(false, "shutting down");
        }
        boolean current;
        try {
            current = SchemaVersion.current(jdbi, dialect);
        } catch (RuntimeException e) {
            LOG.warn("readiness: the database does not answer: {}",
                    dev.tayori.config.Secrets.maskUrl(String.valueOf(e.getMessage())));
            return new Answer(false, "the database does not answer");
        }
        if (!current) {
            return new Answer(false, "the database schema is not at migration " + SchemaVersion.expected(dialect));
        }
        if (campaigns.fromFiles() == 0) {
            // a deploy that left the campaigns folder empty (a volume not mounted, a copy that failed)
            return new Answer(false, "no campaign files are loaded");
        }
        return new Answer(true, "ready");
    }
}
