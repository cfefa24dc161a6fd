package dev.tayori;

import static dev.tayori.TestWorld.TOKYO;
import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.campaign.Sequence;
import dev.tayori.delivery.SendReport;
import dev.tayori.subscriber.ConsentRecord;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 7-day workbook, from confirmation to the last lesson, over real SMTP and a real SQLite file. */
class WorkbookFlowTest {
    @TempDir
    Path dir;
    TestWorld world;
    Sequence workbook;

    @BeforeEach
    void start() {
        world = new TestWorld(dir, tokyo(2026, 11, 23, 9, 0));
        workbook = world.app().campaigns().welcomeSequence().orElseThrow();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void confirm(String email, Instant at) {
        world.clock.set(at);
        world.app().subscribers().addConfirmed(email, "花子",
                ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
    }

    private SendReport runAt(Instant at) {
        world.clock.set(at);
        SendReport report = world.app().dueWork().run(at);
        assertEquals(null, report.problem());
        return report;
    }

    /** The workbook's mail to one address (the newsletter runs alongside; it has its own tests). */
    private List<MimeMessage> mailTo(String email) {
        return world.received().stream().filter(m -> MailParts.to(m).equals(email))
                .filter(m -> MailParts.header(m, "List-Id").startsWith("<workbook.")).toList();
    }

    private List<String> subjectsTo(String email) {
        return mailTo(email).stream().map(MailParts::subject).toList();
    }

    private List<String> expectedSubjects(int upTo) {
        return workbook.steps().subList(0, upTo).stream().map(s -> s.subject()).toList();
    }

    @Test
    void lessonOneAtConfirmationThenOneEachMorningAtSevenAndNothingOnDayEight() throws Exception {
        Instant confirmed = tokyo(2026, 11, 23, 10, 15);
        confirm("hanako@example.jp", confirmed);
        runAt(confirmed);
        assertEquals(expectedSubjects(1), subjectsTo("hanako@example.jp"), "lesson 1 goes out at confirmation");

        for (int day = 1; day <= 7; day++) {
            Instant sixFiftyNine = tokyo(2026, 11, 23, 6, 59).plus(java.time.Duration.ofDays(day));
            runAt(sixFiftyNine);
            assertEquals(Math.min(day, 7), mailTo("hanako@example.jp").size(), "nothing before 07:00 on day " + (day + 1));
            Instant seven = tokyo(2026, 11, 23, 7, 0).plus(java.time.Duration.ofDays(day));
            runAt(seven);
            runAt(seven); // the same instant again plans and sends nothing new
            assertEquals(Math.min(day + 1, 7), mailTo("hanako@example.jp").size(), "after 07:00 on day " + (day + 1));
        }
        assertEquals(expectedSubjects(7), subjectsTo("hanako@example.jp"), "seven lessons, in order");

        List<LocalDate> days = new ArrayList<>();
        for (MimeMessage m : mailTo("hanako@example.jp")) {
            days.add(m.getSentDate().toInstant().atZone(TOKYO).toLocalDate());
        }
        for (int i = 0; i < 7; i++) {
            assertEquals(LocalDate.of(2026, 11, 23).plusDays(i), days.get(i), "lesson " + (i + 1) + " on its own day");
        }
        runAt(tokyo(2026, 12, 1, 7, 0));
        runAt(tokyo(2026, 12, 2, 7, 0));
        assertEquals(7, mailTo("hanako@example.jp").size(), "nothing after the last lesson");
    }

    @Test
    void everyLessonCarriesTheLegalFooterAndBothUnsubscribeHeaders() throws Exception {
        Instant confirmed = tokyo(2026, 11, 23, 10, 0);
        confirm("taro@example.jp", confirmed);
        runAt(confirmed);
        for (int day = 1; day <= 6; day++) {
            runAt(tokyo(2026, 11, 23, 7, 0).plus(java.time.Duration.ofDays(day)));
        }
        List<MimeMessage> mail = mailTo("taro@example.jp");
        assertEquals(7, mail.size());
        String token = world.app().subscribers().byEmail("taro@example.jp").unsubscribeToken();
        String unsubscribeUrl = "https://mail.example.jp/unsubscribe/" + token;
        Set<String> messageIds = new HashSet<>();
        Set<String> links = new HashSet<>();
        for (MimeMessage m : mail) {
            // the reader's link, naming the very mail it is in (subscriber/UnsubscribeLinks), in the header and the parts
            String header = MailParts.header(m, "List-Unsubscribe");
            assertTrue(header.matches("<" + java.util.regex.Pattern.quote(unsubscribeUrl) + "\\?mail=[0-9]+\\.[A-Za-z0-9_-]{16}>"),
                    header);
            assertTrue(links.add(header), "each lesson's link names its own mail: " + header);
            assertEquals("List-Unsubscribe=One-Click", MailParts.header(m, "List-Unsubscribe-Post"));
            assertNotNull(MailParts.header(m, "List-Id"));
            assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
            for (String body : List.of(MailParts.text(m), MailParts.html(m))) {
                assertTrue(body.contains("こころの便り編集部"), "sender name in every part");
                assertTrue(body.contains("〒150-0001 東京都渋谷区神宮前1-2-3"), "postal address in every part");
                assertTrue(body.contains("support@example.jp"), "contact in every part");
                assertTrue(body.contains(header.substring(1, header.length() - 1)), "unsubscribe link in every part");
                assertFalse(body.contains("\uFFFD"), "no broken characters");
            }
            assertTrue(messageIds.add(m.getMessageID()), "a Message-ID of its own per lesson");
            String raw = MailParts.header(m, "Subject");
            assertTrue(raw.startsWith("=?UTF-8?B?"), "subject is RFC 2047 encoded: " + raw);
        }
        var from = (jakarta.mail.internet.InternetAddress) mail.get(0).getFrom()[0];
        assertEquals("こころの便り編集部", from.getPersonal());
        assertEquals("letters@example.jp", from.getAddress());
    }

    @Test
    void unsubscribingOnDayThreeStopsLessonsFourToSeven() {
        Instant confirmed = tokyo(2026, 11, 23, 12, 0);
        confirm("jiro@example.jp", confirmed);
        runAt(confirmed);
        runAt(tokyo(2026, 11, 24, 7, 0));
        runAt(tokyo(2026, 11, 25, 7, 0));
        world.clock.set(tokyo(2026, 11, 25, 20, 0));
        var app = world.app();
        app.subscribers().unsubscribe(app.subscribers().byEmail("jiro@example.jp"), "test");
        for (int day = 26; day <= 30; day++) {
            runAt(tokyo(2026, 11, day, 7, 0));
        }
        assertEquals(expectedSubjects(3), subjectsTo("jiro@example.jp"));
    }

    @Test
    void confirmedAtHalfPastElevenAtNightGetsLessonTwoAtSevenTheNextMorning() {
        Instant confirmed = tokyo(2026, 11, 23, 23, 30);
        confirm("yoru@example.jp", confirmed);
        runAt(confirmed);
        runAt(tokyo(2026, 11, 24, 6, 59));
        assertEquals(1, mailTo("yoru@example.jp").size());
        runAt(tokyo(2026, 11, 24, 7, 0));
        assertEquals(expectedSubjects(2), subjectsTo("yoru@example.jp"));
    }

    @Test
    void afterThreeDaysDownTheSequenceResumesWithTheNextLessonOneADay() throws Exception {
        Instant confirmed = tokyo(2026, 11, 23, 8, 0);
        confirm("yasumi@example.jp", confirmed);
        runAt(confirmed);
        runAt(tokyo(2026, 11, 24, 7, 0)); // lesson 2
        // down from the 25th to the 27th: no runs at all, then back at 10:00 on the 28th
        world.restart();
        runAt(tokyo(2026, 11, 28, 10, 0));
        assertEquals(expectedSubjects(3), subjectsTo("yasumi@example.jp"), "one catch-up lesson, not three");
        runAt(tokyo(2026, 11, 28, 18, 0));
        assertEquals(3, mailTo("yasumi@example.jp").size(), "never two lessons in one day");
        for (int day = 29; day <= 30; day++) {
            runAt(tokyo(2026, 11, day, 7, 0));
        }
        for (int day = 1; day <= 4; day++) {
            runAt(tokyo(2026, 12, day, 7, 0));
        }
        assertEquals(expectedSubjects(7), subjectsTo("yasumi@example.jp"));
        List<LocalDate> days = new ArrayList<>();
        for (MimeMessage m : mailTo("yasumi@example.jp")) {
            days.add(m.getSentDate().toInstant().atZone(TOKYO).toLocalDate());
        }
        assertEquals(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 28),
                LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 2)), days);
    }

    @Test
    void runningAnInstantAgainAfterARestartSendsNothingTwice() {
        Instant confirmed = tokyo(2026, 11, 23, 10, 0);
        confirm("nido@example.jp", confirmed);
        runAt(confirmed);
        runAt(tokyo(2026, 11, 24, 7, 0));
        world.restart();
        runAt(confirmed);
        runAt(tokyo(2026, 11, 24, 7, 0));
        SendReport again = runAt(tokyo(2026, 11, 24, 7, 0));
        assertEquals(0, again.total(c -> c.sent));
        assertEquals(expectedSubjects(2), subjectsTo("nido@example.jp"));
    }
}
