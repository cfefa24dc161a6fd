package dev.tayori.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.config.RateSpec;
import dev.tayori.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sending limits in the database, as processes on one SQLite file share them: each process here
 * is its own database pool (as two `send-due` or two `serve` would be), taking slots from many
 * threads at once.
 */
class SendLimitsTest {
    @TempDir
    Path dir;

    private Jdbi process() {
        return Database.open("jdbc:sqlite:" + dir.resolve("tayori.db")).jdbi();
    }

    private static SendLimits window(Jdbi jdbi, String name, String spec) {
        return new SendLimits(0, RateSpec.parse(spec), Map.of(), jdbi, name, Clock.systemUTC());
    }

    private int slotRows(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM send_slots").mapTo(Integer.class).one());
    }

    /** Takes slots for mail to example.jp until the limit says it is full; how many it got. */
    private static int takeUntilFull(SendLimits limits) {
        int got = 0;
        while (limits.take("example.jp", Instant.now()).isEmpty()) {
            got++;
        }
        return got;
    }

    @Test
    void twoProcessesTakingFromManyThreadsAtOnceGetExactlyTheWindowBetweenThem() throws Exception {
        SendLimits first = window(process(), "first", "300/1h");
        SendLimits second = window(process(), "second", "300/1h");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> taken = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SendLimits limits = i % 2 == 0 ? first : second;
                taken.add(threads.submit((Callable<Integer>) () -> takeUntilFull(limits)));
            }
            int total = 0;
            int byFirst = 0;
            for (int i = 0; i < taken.size(); i++) {
                total += taken.get(i).get();
                byFirst += i % 2 == 0 ? taken.get(i).get() : 0;
            }
            // Slots are reserved in blocks (of 15 here): a process that stopped with some unused hands
            // them back, and the other takes them
            first.giveBackUnused();
            second.giveBackUnused();
            total += takeUntilFull(first) + takeUntilFull(second);
            assertEquals(300, total, "never more than the window, and none of it lost in unused blocks");
            assertTrue(byFirst > 0 && byFirst < 300, "both processes sent part of it: " + byFirst);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFullWindowSaysWhenItsOldestSlotIsFreeAndARestartDoesNotEmptyIt() {
        Jdbi jdbi = process();
        Instant before = Instant.now();
        assertEquals(5, takeUntilFull(window(jdbi, "first", "5/20s")));
        Optional<Hold> hold = window(process(), "restarted", "5/20s").take("example.jp", Instant.now());
        assertTrue(hold.isPresent(), "a new process finds the window as full as the last left it");
        assertEquals(Limit.Kind.WINDOW, hold.get().limit().kind());
        assertTrue(hold.get().global());
        // counted at the end of the second each block may be used in, so never early
        assertFalse(hold.get().until().isBefore(before.plusSeconds(20)), hold.get().until() + " vs " + before);
        assertTrue(hold.get().until().isBefore(Instant.now().plusSeconds(22)), hold.get().until().toString());
        assertEquals(List.of(hold.get()), window(jdbi, "dashboard", "5/20s").full(Duration.ofSeconds(5)));
        assertEquals(List.of(), window(jdbi, "dashboard", "5/20s").full(Duration.ofSeconds(25)),
                "not full for that long");
    }

    @Test
    void aLoweredLimitKeepsCountingTheLatestSendsAndARaisedOneAddsFreeSlots() {
        Jdbi jdbi = process();
        assertEquals(10, takeUntilFull(window(jdbi, "a", "10/1h")));
        assertEquals(0, takeUntilFull(window(jdbi, "b", "4/1h")), "the 10 sends of this hour count against 4");
        assertEquals(4, slotRows(jdbi), "the ring shrank to the new limit");
        assertEquals(2, takeUntilFull(window(jdbi, "c", "6/1h")), "raised to 6: two more this hour");
        assertEquals(6, slotRows(jdbi));
    }

    @Test
    void aDomainLimitHoldsOnlyThatDomainAndMailWithoutLimitsTouchesNoTable() {
        Jdbi jdbi = process();
        SendLimits limits = new SendLimits(0, null, Map.of("docomo.ne.jp", RateSpec.parse("2/1h")), jdbi, "p",
                Clock.systemUTC());
        for (int i = 0; i < 50; i++) {
            assertTrue(limits.take("example.jp", Instant.now()).isEmpty());
        }
        assertEquals(0, slotRows(jdbi), "no limit applies, nothing is read or written");
        assertTrue(limits.take("DoCoMo.ne.jp", Instant.now()).isEmpty());
        assertTrue(limits.take("docomo.ne.jp", Instant.now()).isEmpty());
        Optional<Hold> hold = limits.take("docomo.ne.jp", Instant.now());
        assertTrue(hold.isPresent());
        assertFalse(hold.get().global(), "other mail may still go");
        assertEquals("the limit for docomo.ne.jp (smtp.domain-limits) is reached", hold.get().limit().reason());
        assertTrue(limits.take("example.jp", Instant.now()).isEmpty());
    }

    @Test
    void slotsTakenForAMailThatAnotherLimitHeldBackAreNotLost() {
        Jdbi jdbi = process();
        SendLimits limits = new SendLimits(0, RateSpec.parse("3/1h"), Map.of("docomo.ne.jp", RateSpec.parse("1/1h")), jdbi,
                "p", Clock.systemUTC());
        assertTrue(limits.take("docomo.ne.jp", Instant.now()).isEmpty());
        assertFalse(limits.take("docomo.ne.jp", Instant.now()).get().global(), "the domain is full, the window is not");
        limits.giveBackUnused();
        assertEquals(2, takeUntilFull(limits), "the window's slot taken for the held mail went back: 1 + 2 = 3");
    }
}
