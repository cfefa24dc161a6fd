package dev.tayori.cli;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import dev.tayori.TestWorld.CliResult;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Command lines as a tired operator types them: typos, odd instants, huge numbers. */
class HostileCommandLineTest {
    @TempDir
    Path dir;
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 10, 0));
        world.app();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static Stream<Arguments> typos() {
        return Stream.of(
                Arguments.of(new String[] {"subscribers", "lsit"}, "list"),
                Arguments.of(new String[] {"subscriber", "list"}, "subscribers"),
                Arguments.of(new String[] {"campaigns", "valdate"}, "validate"),
                Arguments.of(new String[] {"send-due", "--att", "2026-12-01T12:00+09:00"}, "--at"),
                Arguments.of(new String[] {"subscribers", "add", "a@example.jp", "--confirmd"}, "--confirmed"));
    }

    @ParameterizedTest
    @MethodSource("typos")
    void aTypoGetsDidYouMeanAndChangesNothing(String[] args, String suggestion) {
        Snapshot before = Snapshot.of(world);
        CliResult r = world.cli(args);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("did you mean") && r.err().contains(suggestion), r.err());
        assertFalse(r.err().contains("Usage:"), "one line and a pointer to --help, not the whole usage: " + r.err());
        assertEquals(before, Snapshot.of(world));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59+09:00", "1970-01-01T09:00+09:00", "2101-06-01T00:00", "1999-12-31T23:59"})
    void anInstantOutsideTheSaneYearsIsRefused(String at) {
        Snapshot before = Snapshot.of(world);
        CliResult r = world.cli("send-due", "--at", at);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("outside the years 2000 to 2100"), r.err());
        assertEquals(before, Snapshot.of(world));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-02-30T12:00", "12:00", "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"})
    void aConfirmedAtThatIsNoDateIsRefusedAndNothingAdded(String at) {
        Snapshot before = Snapshot.of(world);
        CliResult r = world.cli("subscribers", "add", "k@example.jp", "--confirmed", "--consent-source", "seminar",
                "--confirmed-at", at);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("2026-12-01T12:00+09:00"), r.err());
        assertTrue(r.err().length() < 400, "no echo of a huge input: " + r.err());
        assertEquals(before, Snapshot.of(world));
    }

    @Test
    void anAtWithoutOffsetIsReadInTheTimezoneAndSaysWhichInstant() {
        CliResult r = world.cli("campaigns", "schedule", "course-early-booking", "--at", "2026-12-01T12:00");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("read in Asia/Tokyo") && r.err().contains("2026-12-01 12:00 +09:00"), r.err());
        world.env().put("TAYORI_TIMEZONE", "UTC");
        CliResult utc = world.cli("send-due", "--at", "2026-12-01 03:00");
        assertEquals(0, utc.exitCode(), utc.err());
        assertTrue(utc.err().contains("2026-12-01 03:00 Z") || utc.err().contains("2026-12-01 03:00 +00:00"), utc.err());
    }

    @Test
    void aPendingAddMailsTheConfirmationBeforeExiting() {
        CliResult r = world.cli("subscribers", "add", "now@example.jp");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("sent the confirmation mail"), r.out());
        assertEquals(1, world.received().size());
    }

    @Test
    void aPendingAddWithTheServerDownSaysTheMailIsQueuedNotSent() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        world.env().put("TAYORI_SMTP_PORT", String.valueOf(closed));
        CliResult r = world.cli("subscribers", "add", "later@example.jp");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("sent the confirmation mail"), r.out());
        assertTrue(r.out().contains("queued") && r.err().contains("warning:"), r.out() + r.err());
    }

    /** Before: the refused tag was echoed as typed, its escape sequence run by the terminal. */
    @Test
    void aRefusedTagIsEchoedWithItsControlCharactersShown() {
        world.cli("subscribers", "add", "t@example.jp", "--confirmed", "--consent-source", "seminar");
        Snapshot before = Snapshot.of(world);
        CliResult r = world.cli("subscribers", "tag", "t@example.jp", "vip\u001B[2J");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("'vip\\u001B[2J'"), r.err());
        assertFalse(r.err().contains("\u001B"), r.err());
        assertEquals(before, Snapshot.of(world));
    }
}
