package dev.tayori.cli;

import dev.tayori.App;
import dev.tayori.config.Formats;
import dev.tayori.node.FileVersions;
import dev.tayori.node.NodeRow;
import dev.tayori.node.Nodes;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "status",
        description = {"The tayori nodes on this database: those alive (a heartbeat in the last 2 minutes), each with"
                + " its start, last heartbeat, last run of due work and the version of its campaign files; those"
                + " gone (silent, never stopped cleanly: their claimed mail is sent by the others once its lease"
                + " runs out); and those stopped cleanly in the last day.",
                "serve registers as a node, and send-due while it runs, under node.name."})
final class StatusCommand implements Callable<Integer> {
    /** Stopped nodes listed one by one; the rest are counted (without node.name, each cron run is one). */
    static final int STOPPED_LISTED = 10;

    @ParentCommand
    TayoriCommand root;

    @picocli.CommandLine.Mixin
    HelpOption help;

    @Override
    public Integer call() {
        CliContext context = root.context;
        App app = context.app();
        Instant now = context.clock().instant();
        ZoneId zone = app.settings().timezone();
        PrintWriter out = context.out();
        List<NodeRow> nodes = app.nodes().all();
        if (nodes.isEmpty()) {
            out.println("no tayori node has run on this database in the last week (serve registers itself, and"
                    + " send-due while it runs)");
            out.flush();
            return ExitCodes.OK;
        }
        List<NodeRow> alive = of(nodes, NodeRow.State.ALIVE, now);
        List<NodeRow> gone = of(nodes, NodeRow.State.GONE, now);
        List<NodeRow> stopped = of(nodes, NodeRow.State.STOPPED, now).stream()
                .sorted(java.util.Comparator.comparing(NodeRow::stoppedAt).reversed()).toList();
        List<List<String>> versions = FileVersions.of(alive);
        out.println("alive (a heartbeat in the last " + Nodes.ALIVE.toMinutes() + " minutes): " + alive.size());
        for (NodeRow n : alive) {
            boolean differs = versions.size() > 1 && !versions.get(0).contains(n.name());
            out.println("  " + n.name() + "  " + n.command() + "  started " + Formats.local(n.startedAt(), zone)
                    + ", last tick " + ago(n.lastTickAt(), now, zone) + ", last run of due work "
                    + (n.lastRunAt() == null ? "-" : ago(n.lastRunAt(), now, zone)) + ", files "
                    + n.filesFingerprint().substring(0, 12) + (differs ? " (differs from the others)" : ""));
        }
        if (!gone.isEmpty()) {
            out.println("gone (no heartbeat for " + Nodes.ALIVE.toMinutes() + " minutes, never stopped cleanly): "
                    + gone.size());
            for (NodeRow n : gone) {
                out.println("  " + n.name() + "  " + n.command() + "  started " + Formats.local(n.startedAt(), zone)
                        + ", last tick " + ago(n.lastTickAt(), now, zone));
            }
            out.println("  (mail a gone node had claimed is sent by another node once its lease,"
                    + " delivery.lease-seconds, has run out)");
        }
        if (!stopped.isEmpty()) {
            out.println("stopped cleanly: " + stopped.size());
            for (NodeRow n : stopped.subList(0, Math.min(STOPPED_LISTED, stopped.size()))) {
                out.println("  " + n.name() + "  " + n.command() + "  started " + Formats.local(n.startedAt(), zone)
                        + ", stopped " + Formats.local(n.stoppedAt(), zone));
            }
            if (stopped.size() > STOPPED_LISTED) {
                out.println("  and " + (stopped.size() - STOPPED_LISTED) + " more");
            }
        }
        if (versions.size() > 1) {
            out.println("warning: the alive nodes run different campaign files and templates ("
                    + versions.stream().map(g -> String.join(", ", g)).collect(Collectors.joining(" | "))
                    + "): deploy the same campaigns/ and templates/ to every node, or write the mail in the browser,"
                    + " which every node shares");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<NodeRow> of(List<NodeRow> nodes, NodeRow.State state, Instant now) {
        return nodes.stream().filter(n -> n.state(now) == state).toList();
    }

    /** "25 s ago", "14 min ago", or the local time when it is longer ago than two hours. */
    private static String ago(Instant at, Instant now, ZoneId zone) {
        Duration d = Duration.between(at, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.compareTo(Duration.ofMinutes(2)) < 0) {
            return d.toSeconds() + " s ago";
        }
        if (d.compareTo(Duration.ofHours(2)) < 0) {
            return d.toMinutes() + " min ago";
        }
        return Formats.local(at, zone);
    }
}
