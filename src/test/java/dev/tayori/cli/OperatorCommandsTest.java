package dev.tayori.cli;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import dev.tayori.TestWorld.CliResult;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    void anInstantTheCliCannotReadIsRefusedWithAnExample() {
        CliResult r = world.cli("send-due", "--at", "24/11/2026 07:00");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("2026-12-01T12:00+09:00") && r.err().contains("Asia/Tokyo"), r.err());
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

    @Test
    void previewWithAFeedThatCannotBeReadIsOneErrorLineWithExitOne() throws Exception {
        world.env().put("TAYORI_ARTICLES_FEED", "http://127.0.0.1:" + closedPort() + "/feed/");
        CliResult unreachable = world.cli("campaigns", "preview", "newsletter");
        assertEquals(1, unreachable.exitCode(), unreachable.err());
        assertEquals(1, unreachable.err().strip().lines().count(), "one line, no stack trace: " + unreachable.err());
        assertTrue(unreachable.err().startsWith("error: ") && unreachable.err().contains("feed"), unreachable.err());

        world.env().put("TAYORI_ARTICLES_FEED", dir.resolve("no-such-feed.xml").toString());
        CliResult missing = world.cli("campaigns", "preview", "newsletter");
        assertEquals(1, missing.exitCode(), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("no-such-feed.xml") && missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void previewOfAnIssueThatWouldBeSkippedSaysWhyInLocalTimeAndSucceeds() throws Exception {
        world.env().put("TAYORI_ARTICLES_DIR", Files.createDirectories(dir.resolve("no-articles")).toString());
        CliResult r = world.cli("campaigns", "preview", "newsletter", "--at", "2026-12-14T12:00+09:00");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().isEmpty(), r.err());
        // the next slot after Monday noon is Tuesday 07:00 in Tokyo (22:00 UTC the day before)
        assertTrue(r.out().contains("2026-12-15 07:00 +09:00") && r.out().contains("would be skipped"), r.out());
        assertFalse(r.out().contains("2026-12-14T22:00"), "local time, not UTC: " + r.out());
        assertFalse(r.out().contains("Subject:"), r.out());
    }

    @Test
    void testSendOfTheNewsletterTakesAnInstantAndSaysWhenThereIsNothingToSend() throws Exception {
        CliResult sent = world.cli("campaigns", "test-send", "newsletter", "--to", "editor@example.jp",
                "--at", "2026-11-28T06:00+09:00");
        assertEquals(0, sent.exitCode(), sent.err());
        assertEquals(1, world.received().size());
        assertTrue(MailParts.subject(world.received().get(0)).startsWith("[テスト]"));

        world.env().put("TAYORI_ARTICLES_DIR", Files.createDirectories(dir.resolve("no-articles")).toString());
        CliResult nothing = world.cli("campaigns", "test-send", "newsletter", "--to", "editor@example.jp",
                "--at", "2026-11-28T06:00+09:00");
        assertEquals(2, nothing.exitCode(), nothing.err());
        assertEquals(1, nothing.err().strip().lines().count(), nothing.err());
        assertTrue(nothing.err().contains("2026-11-28 07:00 +09:00") && nothing.err().contains("--at"), nothing.err());
        assertEquals(1, world.received().size(), "no second mail");
    }

    @Test
    void importReportsABadRowByLineWithTheColumnAndWhatWouldDo() throws Exception {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, String.join("\n",
                "email,name,timezone,confirmed_at",
                "good@example.jp,良子,Asia/Tokyo,2026-10-01T09:00+09:00",
                "mars@example.jp,火星,Mars/Olympus,",
                "late@example.jp,遅子,,not-a-date",
                ""), StandardCharsets.UTF_8);
        CliResult r = world.cli("subscribers", "import", csv.toString(), "--consent-source", "seminar sheets");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains(csv + ":3: timezone 'Mars/Olympus' is not a time zone (e.g. Asia/Tokyo); row skipped"),
                r.err());
        assertTrue(r.err().contains(csv + ":4: confirmed_at 'not-a-date' is not an instant such as "
                + "2026-11-24T07:00+09:00; row skipped"), r.err());
        assertFalse(r.err().contains("Unknown time-zone") || r.err().contains("could not be parsed"), r.err());
        assertTrue(r.out().contains("imported 1,") && r.out().contains("2 bad row(s)"), r.out());
    }

    @Test
    void anUnknownStatusIsRefusedWithTheValidOnesAndNothingWritten() {
        world.cli("subscribers", "add", "kaede@example.jp", "--confirmed", "--consent-source", "test");
        Path output = dir.resolve("export.csv");
        CliResult export = world.cli("subscribers", "export", "--status", "bogus", "--output", output.toString());
        assertEquals(2, export.exitCode(), export.err());
        assertTrue(export.err().contains("'bogus'") && export.err().contains("pending, confirmed, unsubscribed, bounced"),
                export.err());
        assertFalse(Files.exists(output), "no file for a refused export");
        CliResult list = world.cli("subscribers", "list", "--status", "bogus");
        assertEquals(2, list.exitCode(), list.err());
        assertTrue(list.err().contains("pending, confirmed, unsubscribed, bounced"), list.err());

        CliResult confirmed = world.cli("subscribers", "export", "--status", "confirmed");
        assertEquals(0, confirmed.exitCode(), confirmed.err());
        assertTrue(confirmed.out().contains("kaede@example.jp"), confirmed.out());
        assertFalse(world.cli("subscribers", "export", "--status", "pending").out().contains("kaede@example.jp"));
    }

    @Test
    void showListsTheSubscribersTags() {
        world.cli("subscribers", "add", "momiji@example.jp", "--confirmed", "--consent-source", "test");
        assertTrue(world.cli("subscribers", "show", "momiji@example.jp").out().contains("tags:         -"));
        world.cli("subscribers", "tag", "momiji@example.jp", "seminar-2026");
        world.cli("subscribers", "tag", "momiji@example.jp", "vip");
        String shown = world.cli("subscribers", "show", "momiji@example.jp").out();
        assertTrue(shown.contains("tags:         seminar-2026, vip"), shown);
    }

    @Test
    void showSaysAnAnnouncementWasSentWithItsCountsAndRefusesToScheduleItAgain() {
        world.cli("subscribers", "add", "a@example.jp", "--confirmed", "--consent-source", "test");
        world.cli("subscribers", "add", "b@example.jp", "--confirmed", "--consent-source", "test");
        assertEquals(0, world.cli("campaigns", "schedule", "course-early-booking", "--at", "2026-11-23T12:00+09:00")
                .exitCode());
        String before = world.cli("campaigns", "show", "course-early-booking").out();
        assertTrue(before.contains("schedule: scheduled for 2026-11-23 12:00 +09:00 to all"), before);

        world.clock.set(tokyo(2026, 11, 23, 12, 1));
        CliResult run = world.cli("send-due");
        assertEquals(0, run.exitCode(), run.err());
        String after = world.cli("campaigns", "show", "course-early-booking").out();
        assertTrue(after.contains("schedule: sent at 2026-11-23 12:01 +09:00 to all (2 sent, 0 waiting, 0 failed)"), after);
        assertFalse(after.contains("planned for"), after);

        CliResult again = world.cli("campaigns", "schedule", "course-early-booking", "--at", "2026-12-01T12:00+09:00");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already been sent"), again.err());
    }

    @Test
    void schedulingForAnInstantInThePastIsTakenWithAWarningAndSendDueAtItSends() {
        world.cli("subscribers", "add", "a@example.jp", "--confirmed", "--consent-source", "test");
        CliResult ahead = world.cli("campaigns", "schedule", "course-early-booking", "--at", "2026-12-01T12:00+09:00");
        assertEquals(0, ahead.exitCode(), ahead.err());
        assertFalse(ahead.err().contains("warning"), ahead.err());
        CliResult past = world.cli("campaigns", "schedule", "course-early-booking", "--at", "2026-11-23T08:00+09:00");
        assertEquals(0, past.exitCode(), past.err());
        assertTrue(past.err().contains("warning: 2026-11-23 08:00 +09:00 is in the past (it is now 2026-11-23 09:00 +09:00)"),
                past.err());
        assertEquals(tokyo(2026, 11, 23, 8, 0), world.app().announcements().find("course-early-booking").orElseThrow().sendAt());
        assertEquals(0, world.cli("send-due", "--at", "2026-11-23T08:01+09:00").exitCode());
        assertEquals(1, world.received().size(), "scripts still run due work for the instant they give");
    }

    @Test
    void eachSubcommandSummaryIsAWholeSentenceAndOnlyTheRootHasAVersion() {
        for (String group : new String[] {"campaigns", "subscribers"}) {
            String help = world.cli(group, "--help").out();
            String commands = help.substring(help.indexOf("Commands:"));
            // a summary line starts at column 2; wrapped continuations are indented further
            String[] entries = commands.replaceAll("\n {6,}", " ").split("\n");
            for (int i = 1; i < entries.length; i++) {
                assertTrue(entries[i].strip().endsWith("."), group + ": " + entries[i]);
            }
            assertFalse(help.contains("--version"), help);
        }
        String schedule = world.cli("campaigns", "schedule", "--help").out();
        assertTrue(schedule.contains("confirmed-before:YYYY-MM-DD"), schedule);
        assertFalse(world.cli("subscribers", "export", "--help").out().contains("--version"));
        assertTrue(world.cli("--version").out().startsWith("tayori "));
    }
}
