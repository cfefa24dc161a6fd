package dev.tayori.cli;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import dev.tayori.TestWorld.CliResult;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's commands, run in-process against a real SQLite file and a real SMTP server. */
class OperatorCommandsTest {
    @TempDir
    Path dir;
    TestWorld world;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 9, 0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void addingAPendingSubscriberMailsAConfirmationLinkUnderTheBaseUrl() {
        CliResult r = world.cli("subscribers", "add", "hanako@example.jp", "--name", "花子");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, world.received().size());
        var mail = world.received().get(0);
        assertEquals("hanako@example.jp", MailParts.to(mail));
        assertTrue(MailParts.text(mail).matches("(?s).*https://mail\\.example\\.jp/confirm/[A-Za-z0-9_-]{32}.*"),
                MailParts.text(mail));
        assertTrue(world.cli("subscribers", "show", "hanako@example.jp").out().contains("status:       pending"));
        world.cli("send-due");
        assertEquals(1, world.received().size(), "a pending subscriber gets nothing but the confirmation");
    }

    @Test
    void aMalformedAddressGetsAClearMessageExitTwoAndNothingWritten() {
        CliResult r = world.cli("subscribers", "add", "hanako@@example.jp");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(world.cli("subscribers", "list").out().contains("0 subscriber(s)"));
        assertEquals(0, world.received().size());
    }

    @Test
    void anAddressOver254CharactersIsRefused() {
        String address = "a".repeat(60) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".jp";
        CliResult r = world.cli("subscribers", "add", address, "--confirmed", "--consent-source", "test");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("254"), r.err());
    }

    @Test
    void addingAnExistingAddressSaysSoAndWritesNoSecondRow() {
        assertEquals(0, world.cli("subscribers", "add", "Taro@Example.JP", "--confirmed", "--consent-source",
                "seminar sign-up sheet").exitCode());
        CliResult again = world.cli("subscribers", "add", "Taro@example.jp");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already a subscriber"), again.err());
        assertTrue(world.cli("subscribers", "list").out().contains("1 subscriber(s)"));
    }

    @Test
    void confirmingByHandNeedsAConsentSource() {
        CliResult r = world.cli("subscribers", "add", "x@example.jp", "--confirmed");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--consent-source"), r.err());
    }

    @Test
    void sendDueWithTheServerDownSaysSoInOneLineAndKeepsTheMailForTheNextRun() throws Exception {
        world.cli("subscribers", "add", "ame@example.jp", "--confirmed", "--consent-source", "test",
                "--confirmed-at", "2026-11-23T08:00+09:00");
        String goodPort = world.env().get("TAYORI_SMTP_PORT");
        world.env().put("TAYORI_SMTP_PORT", String.valueOf(closedPort()));
        CliResult down = world.cli("send-due", "--at", "2026-11-23T08:01+09:00");
        assertEquals(1, down.exitCode());
        assertEquals(1, down.err().strip().lines().count(), down.err());
        assertTrue(down.err().contains("cannot reach the SMTP server"), down.err());
        assertTrue(world.cli("subscribers", "show", "ame@example.jp").out().contains("step:1  planned"));

        world.env().put("TAYORI_SMTP_PORT", goodPort);
        CliResult up = world.cli("send-due", "--at", "2026-11-23T09:00+09:00");
        assertEquals(0, up.exitCode(), up.err());
        assertTrue(up.out().contains("workbook: planned 0, sent 1"), up.out());
        assertEquals(1, world.received().size());
    }

    @Test
    void aBadSettingIsOneLineNamingTheKeyWithExitTwo() {
        world.env().put("TAYORI_WEB_PORT", "80800");
        CliResult r = world.cli("subscribers", "list");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("web.port") && r.err().contains("TAYORI_WEB_PORT"), r.err());
    }

    @Test
    void anInstantWithoutOffsetIsRefusedWithAnExample() {
        CliResult r = world.cli("send-due", "--at", "2026-11-24 07:00");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("2026-11-24T07:00+09:00"), r.err());
    }

    @Test
    void validateAndPreviewShowTheWorkbook() {
        CliResult validate = world.cli("campaigns", "validate");
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("7 steps"), validate.out());
        CliResult preview = world.cli("campaigns", "preview", "workbook", "--step", "2", "--html",
                dir.resolve("lesson2.html").toString());
        assertEquals(0, preview.exitCode(), preview.err());
        assertTrue(preview.out().startsWith("Subject: 【2日目】"), preview.out());
        assertTrue(preview.out().contains("こころの便り編集部"), preview.out());
        assertTrue(dir.resolve("lesson2.html").toFile().length() > 0);
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String[] command : new String[][] {{"--help"}, {"serve", "--help"}, {"send-due", "--help"},
                {"subscribers", "add", "--help"}, {"subscribers", "list", "--help"}, {"subscribers", "show", "--help"},
                {"subscribers", "unsubscribe", "--help"}, {"campaigns", "validate", "--help"},
                {"campaigns", "preview", "--help"}, {"demo", "--help"}}) {
            CliResult r = world.cli(command);
            assertEquals(0, r.exitCode(), String.join(" ", command));
            assertTrue(r.out().contains("Usage:"), String.join(" ", command));
            assertFalse(r.out().isBlank());
        }
    }

    @Test
    void theOperatorCanGiveTheWorkbookAgainAndEachLessonGoesOnceARound() {
        world.cli("subscribers", "add", "again@example.jp", "--confirmed", "--consent-source", "test",
                "--confirmed-at", "2026-11-23T08:00+09:00");
        world.cli("send-due", "--at", "2026-11-23T08:01+09:00");
        world.cli("send-due", "--at", "2026-11-24T07:00+09:00");
        world.clock.set(tokyo(2026, 11, 30, 9, 0));
        CliResult r = world.cli("subscribers", "restart-workbook", "again@example.jp");
        assertEquals(0, r.exitCode(), r.err());
        world.cli("send-due", "--at", "2026-11-30T09:01+09:00");
        world.cli("send-due", "--at", "2026-11-30T09:02+09:00");
        world.cli("send-due", "--at", "2026-12-01T07:00+09:00");
        var subjects = world.received().stream().map(MailParts::subject).filter(s -> s.startsWith("【")).toList();
        assertEquals(4, subjects.size(), "lesson 1 and 2, then lesson 1 (twice run) and 2 again: " + subjects);
        assertEquals(subjects.get(0), subjects.get(2), "lesson 1 again in the new round, once");
        assertEquals(subjects.get(1), subjects.get(3), "then lesson 2 the next morning");
    }

    @Test
    void unsubscribeStopsTheWorkbookAndIsSafeToRepeat() {
        world.cli("subscribers", "add", "yame@example.jp", "--confirmed", "--consent-source", "test");
        world.cli("send-due");
        assertEquals(0, world.cli("subscribers", "unsubscribe", "yame@example.jp").exitCode());
        assertEquals(0, world.cli("subscribers", "unsubscribe", "yame@example.jp").exitCode());
        world.cli("send-due", "--at", "2026-11-24T07:00+09:00");
        assertEquals(1, world.received().size());
        assertTrue(world.cli("subscribers", "show", "yame@example.jp").out().contains("status:       unsubscribed"));
    }
}
