package dev.tayori.node;

import dev.tayori.reload.ContentFingerprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes sending from one database, kept in the nodes table so that every node and `tayori
 * status` see the same: this process registers under its node.name when it starts sending, beats
 * while it runs ({@link Heartbeat}) and says when it stopped. A node whose beat is older than
 * {@link #ALIVE} and that never said it stopped is gone (killed, crashed, or cut off from the
 * database); the rows it had claimed come free when their leases run out.
 */
public final class Nodes {
    private static final Logger LOG = LoggerFactory.getLogger(Nodes.class);

    /** A heartbeat this recent means the node is alive: four beats of {@link Heartbeat#EVERY}. */
    public static final Duration ALIVE = Duration.ofMinutes(2);
    static final Duration KEEP_STOPPED = Duration.ofDays(1);
    static final Duration KEEP_GONE = Duration.ofDays(7);

    private final Jdbi jdbi;
    private final Clock clock;
    private final String name;
    private final Supplier<ContentFingerprint> files;
    /** This run of the process: a restart under the same name is another instance. */
    private final String instance = UUID.randomUUID().toString();
    private volatile boolean registered;
    private volatile boolean lostName;

    public Nodes(Jdbi jdbi, Clock clock, String name, Supplier<ContentFingerprint> files) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.name = name;
        this.files = files;
    }

    /** This process's node.name. */
    public String name() {
        return name;
    }

    /**
     * Registers this process as {@code command} (serve, send-due) and drops rows of long-gone runs.
     * Returns a warning when a live process was already registered under this name: two nodes with
     * one name would take each other's row over and make `status` and the per-node counts wrong.
     */
    public Optional<String> register(String command) {
        Instant now = clock.instant();
        Optional<String> warning = jdbi.inTransaction(h -> {
            NodeDao dao = h.attach(NodeDao.class);
            dao.prune(now.minus(KEEP_STOPPED), now.minus(KEEP_GONE));
            Optional<NodeRow> before = dao.find(name);
            dao.register(name, instance, command, now, files.get().hex());
            return before.filter(row -> row.state(now) == NodeRow.State.ALIVE)
                    .map(row -> "another process (" + row.command() + ", started " + row.startedAt()
                            + ") is registered as node " + name + " and was alive " + row.silentFor(now).toSeconds()
                            + " s ago; give each node a node.name of its own (TAYORI_NODE_NAME)");
        });
        registered = true;
        return warning;
    }

    /** The heartbeat: alive now, with the files live now. Nothing before {@link #register}. */
    public void tick() {
        if (!registered) {
            return;
        }
        String live = files.get().hex();
        int updated = jdbi.withExtension(NodeDao.class, dao -> dao.tick(name, instance, clock.instant(), live));
        noticeLostName(updated);
    }

    /**
     * A run of due work is starting here (a sign of life as well). Never throws: a row that cannot be
     * written now must not keep the mail from going out.
     */
    public void ranDueWork() {
        if (!registered) {
            return;
        }
        try {
            noticeLostName(jdbi.withExtension(NodeDao.class, dao -> dao.ranDueWork(name, instance, clock.instant())));
        } catch (RuntimeException e) {
            LOG.warn("node {}: the start of a run was not recorded: {}", name,
                    dev.tayori.config.Secrets.maskUrl(String.valueOf(e.getMessage())));
        }
    }

    /**
     * The last word of a clean stop: after the rows this node held were handed back. Never throws: the
     * process ends either way, and a row that could not say so looks gone after {@link #ALIVE}.
     */
    public void stopped() {
        if (!registered) {
            return;
        }
        registered = false;
        try {
            jdbi.useExtension(NodeDao.class, dao -> dao.stopped(name, instance, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("node {}: its stop was not recorded: {}", name,
                    dev.tayori.config.Secrets.maskUrl(String.valueOf(e.getMessage())));
        }
    }

    /** Every node kept (the stopped of the last day, the gone of the last week), by name. */
    public List<NodeRow> all() {
        return jdbi.withExtension(NodeDao.class, NodeDao::all);
    }

    /** The nodes alive now. */
    public List<NodeRow> alive() {
        Instant now = clock.instant();
        return all().stream().filter(n -> n.state(now) == NodeRow.State.ALIVE).toList();
    }

    private void noticeLostName(int updated) {
        if (updated == 0 && !lostName) {
            lostName = true;
            LOG.warn("node {}: its row in the nodes table was taken over by another process started under the same"
                    + " name; give each node a node.name of its own (TAYORI_NODE_NAME)", name);
        }
    }
}
