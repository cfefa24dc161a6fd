package dev.tayori.node;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.TestWorld;
import dev.tayori.reload.ContentFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodes table on a real SQLite file: several Nodes over one database stand for several processes
 * (each is what one process holds). Time is the test's clock; the heartbeat runs on its own timer.
 */
class NodesTest {
    @TempDir
    Path dir;
    TestWorld world;
    final Instant start = tokyo(2026, 12, 1, 9, 0);
    ContentFingerprint shipped;
    ContentFingerprint other;

    @BeforeEach
    void begin() throws Exception {
        world = new TestWorld(dir, start);
        shipped = ContentFingerprint.of(Path.of("campaigns"), Path.of("templates"));
        Path elsewhere = Files.createDirectories(dir.resolve("other-campaigns"));
        Files.writeString(elsewhere.resolve("workbook.yaml"), "kind: sequence\n");
        other = ContentFingerprint.of(elsewhere, Path.of("templates"));
    }

    @AfterEach
    void end() {
        world.close();
    }

    private Nodes node(String name, ContentFingerprint files) {
        return new Nodes(world.app().jdbi(), world.clock, name, () -> files);
    }

    private NodeRow row(String name) {
        return world.app().nodes().all().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aRegisteredNodeIsAliveWhileItBeatsGoneTwoMinutesAfterItsLastBeatAndStoppedWhenItSaysSo() {
        Nodes web1 = node("web1", shipped);
        assertEquals(Optional.empty(), web1.register("serve"));
        NodeRow registered = row("web1");
        assertEquals("serve", registered.command());
        assertEquals(start, registered.startedAt());
        assertEquals(shipped.hex(), registered.filesFingerprint());
        assertEquals(NodeRow.State.ALIVE, registered.state(start));

        world.clock.advance(Duration.ofSeconds(90));
        web1.tick();
        web1.ranDueWork();
        world.clock.advance(Duration.ofSeconds(119));
        assertEquals(NodeRow.State.ALIVE, row("web1").state(world.clock.instant()));
        assertEquals(start.plusSeconds(90), row("web1").lastRunAt());
        world.clock.advance(Duration.ofSeconds(2));
        assertEquals(NodeRow.State.GONE, row("web1").state(world.clock.instant()), "silent for over 2 minutes");
        assertEquals(List.of(), web1.alive());

        web1.tick();
        assertEquals(NodeRow.State.ALIVE, row("web1").state(world.clock.instant()), "beating again");
        web1.stopped();
        assertEquals(NodeRow.State.STOPPED, row("web1").state(world.clock.instant()));
        world.clock.advance(Duration.ofSeconds(10));
        web1.tick();
        assertEquals(NodeRow.State.STOPPED, row("web1").state(world.clock.instant()), "a late beat does not revive it");
    }

    @Test
    void theHeartbeatBeatsOnItsOwnTimerWithTheFilesLiveNow() throws Exception {
        AtomicReference<ContentFingerprint> live = new AtomicReference<>(shipped);
        Nodes web1 = new Nodes(world.app().jdbi(), world.clock, "web1", live::get);
        web1.register("serve");
        world.clock.advance(Duration.ofMinutes(5));
        live.set(other); // as after a reload of edited files
        try (Heartbeat beat = new Heartbeat(web1, Duration.ofMillis(20))) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!row("web1").lastTickAt().equals(world.clock.instant()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertEquals(world.clock.instant(), row("web1").lastTickAt());
        assertEquals(other.hex(), row("web1").filesFingerprint());
    }

    @Test
    void aSecondProcessUnderTheNameOfALiveOneIsWarnedAboutAndTheFirstNoLongerKeepsTheRowAlive() {
        Nodes first = node("web1", shipped);
        first.register("serve");
        world.clock.advance(Duration.ofSeconds(30));
        Nodes second = node("web1", shipped);
        Optional<String> warning = second.register("send-due");
        assertTrue(warning.isPresent());
        assertTrue(warning.get().contains("registered as node web1") && warning.get().contains("node.name of its own"),
                warning.get());
        world.clock.advance(Duration.ofSeconds(30));
        first.tick();
        assertEquals("send-due", row("web1").command());
        assertEquals(start.plusSeconds(30), row("web1").lastTickAt(), "the first one's beat does not count for the second");

        // a restart after a clean stop takes the name over without a warning
        second.stopped();
        assertEquals(Optional.empty(), node("web1", shipped).register("serve"));
    }

    @Test
    void stoppedNodesGoAfterADayAndGoneOnesAfterAWeek() {
        Nodes once = node("cron-1", shipped);
        once.register("send-due");
        once.stopped();
        node("crashed", shipped).register("serve");
        world.clock.advance(Duration.ofHours(25));
        node("web1", shipped).register("serve");
        assertEquals(List.of("crashed", "web1"), world.app().nodes().all().stream().map(NodeRow::name).toList());
        world.clock.advance(Duration.ofDays(7).plusMinutes(1));
        node("web2", shipped).register("serve");
        assertEquals(List.of("web2"), world.app().nodes().all().stream().map(NodeRow::name).toList());
    }

    @Test
    void sendDueRegistersWhileItRunsAndSaysWhenItStopped() {
        world.env().put("TAYORI_NODE_NAME", "cron");
        assertEquals(0, world.cli("send-due").exitCode());
        NodeRow cron = row("cron");
        assertEquals("send-due", cron.command());
        assertEquals(start, cron.lastRunAt());
        assertEquals(start, cron.stoppedAt());
    }

    @Test
    void statusListsTheAliveWithTheirFilesTheGoneAndTheStopped() {
        world.env().put("TAYORI_NODE_NAME", "cron");
        assertEquals("no tayori node has run on this database in the last week (serve registers itself, and send-due"
                + " while it runs)\n", world.cli("status").out());
        node("web3", shipped).register("serve");
        world.clock.advance(Duration.ofMinutes(30));
        Nodes web1 = node("web1", shipped);
        web1.register("serve");
        web1.ranDueWork();
        node("web2", other).register("serve");
        node("web4", shipped).register("serve");
        assertEquals(0, world.cli("send-due").exitCode()); // registers as cron, and stops
        world.clock.advance(Duration.ofSeconds(25));

        String status = world.cli("status").out();
        String s = shipped.shortForm();
        String o = other.shortForm();
        assertTrue(status.startsWith("alive (a heartbeat in the last 2 minutes): 3\n"), status);
        assertTrue(status.contains("  web1  serve  started 2026-12-01 09:30 +09:00, last tick 25 s ago, last run of due"
                + " work 25 s ago, files " + s + "\n"), status);
        assertTrue(status.contains("  web2  serve  started 2026-12-01 09:30 +09:00, last tick 25 s ago, last run of due"
                + " work -, files " + o + " (differs from the others)\n"), status);
        assertTrue(status.contains("  web4  serve  started 2026-12-01 09:30 +09:00, last tick 25 s ago, last run of due"
                + " work -, files " + s + "\n"), status);
        assertTrue(status.contains("gone (no heartbeat for 2 minutes, never stopped cleanly): 1\n"
                + "  web3  serve  started 2026-12-01 09:00 +09:00, last tick 30 min ago\n"), status);
        assertTrue(status.contains("stopped cleanly: 1\n  cron  send-due  started 2026-12-01 09:30 +09:00, stopped"
                + " 2026-12-01 09:30 +09:00\n"), status);
        assertTrue(status.contains("warning: the alive nodes run different campaign files and templates (web1, web4 | web2)"),
                status);
    }
}
