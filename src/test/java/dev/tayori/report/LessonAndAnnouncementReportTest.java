package dev.tayori.report;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbook lesson and an announcement have their own report, like an issue. */
class LessonAndAnnouncementReportTest {
    @TempDir
    Path dir;
    ReportWorld w;

    @BeforeEach
    void start() throws Exception {
        w = new ReportWorld(dir, tokyo(2026, 11, 30, 9, 0));
        w.reader("ayu@example.jp");
        w.reader("ben@example.jp");
        w.reader("gone@example.jp");
        w.smtp.rejectRecipients(r -> r.startsWith("gone@"));
    }

    @AfterEach
    void stop() throws Exception {
        w.close();
    }

    private MimeMessage mail(String email, String listId) {
        return w.smtp.messages().stream().filter(m -> m.recipients().contains(email)).map(m -> ReportWorld.parse(m.text()))
                .filter(m -> MailParts.header(m, "List-Id").startsWith("<" + listId + ".")).findFirst().orElseThrow();
    }

    @Test
    void eachLessonHasItsReportAndTheSequencesPageSetsTheLessonsSideBySide() throws Exception {
        assertEquals(0, w.world.cli("campaigns", "resume", "workbook").exitCode());
        w.runAt(tokyo(2026, 11, 30, 9, 1)); // lesson 1 at once
        assertEquals(200, w.post(ReportWorld.listUnsubscribe(mail("ben@example.jp", "workbook")),
                "List-Unsubscribe=One-Click").statusCode());

        String page = w.admin("/admin/campaigns/workbook/report/steps/1").body();
        assertTrue(page.contains("<h1>1日目のレポート: 心のセルフケア 7日間ワークブック</h1>"), page);
        assertTrue(page.contains("【1日目】いまの気持ちに名前をつける"), "the lesson's subject: " + page);
        assertTrue(page.contains("<strong id=\"sent\">2</strong>") && page.contains("<strong id=\"failed\">1</strong>")
                && page.contains("<strong id=\"unsubscribed\">1</strong>"), page);
        assertTrue(page.contains("gone@example.jp"), page);
        assertTrue(w.admin("/admin/campaigns/workbook/report/steps/2").body().contains("このメールはまだ誰にも送っていません。"));
        assertEquals(404, w.admin("/admin/campaigns/workbook/report/steps/8").statusCode(), "the workbook has 7 lessons");
        assertEquals(404, w.admin("/admin/campaigns/workbook/report/issues/1").statusCode());

        String campaign = w.admin("/admin/campaigns/workbook/report").body();
        for (int step = 1; step <= 7; step++) {
            assertTrue(campaign.contains("<a href=\"/admin/campaigns/workbook/report/steps/" + step + "\">" + step + "日目</a>"),
                    campaign);
        }
        TestWorld.CliResult r = w.world.cli("campaigns", "stats", "workbook", "--step", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("workbook step 1 (【1日目】いまの気持ちに名前をつける, 2026-11-30 09:01 +09:00)"), r.out());
        assertTrue(r.out().contains("\n  sent          2\n") && r.out().contains("\n  unsubscribed  1  (50%)"), r.out());
        TestWorld.CliResult none = w.world.cli("campaigns", "stats", "workbook", "--step", "8");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("workbook has steps 1 to 7; there is no step 8"), none.err());
    }

    @Test
    void anAnnouncementsReportIsItsOneMail() throws Exception {
        assertEquals(0, w.world.cli("campaigns", "schedule", "course-early-booking", "--at", "2026-12-01T12:00+09:00")
                .exitCode());
        w.runAt(tokyo(2026, 12, 1, 12, 0));
        String link = ReportWorld.listUnsubscribe(mail("ayu@example.jp", "course-early-booking"));
        assertEquals(200, w.post(link, "List-Unsubscribe=One-Click").statusCode());

        String campaign = w.admin("/admin/campaigns/course-early-booking/report").body();
        assertTrue(campaign.contains("<a href=\"/admin/campaigns/course-early-booking/report/mail\">お知らせ</a>"), campaign);
        String page = w.admin("/admin/campaigns/course-early-booking/report/mail").body();
        assertTrue(page.contains("<strong id=\"sent\">2</strong>") && page.contains("<strong id=\"failed\">1</strong>")
                && page.contains("<strong id=\"unsubscribed\">1</strong>"), page);
        assertEquals(404, w.admin("/admin/campaigns/newsletter/report/mail").statusCode());
        String stats = w.world.cli("campaigns", "stats", "course-early-booking").out();
        assertTrue(stats.contains("course-early-booking announcement (") && stats.contains("\n  unsubscribed  1  (50%)"), stats);
        String csv = w.admin("/admin/campaigns/course-early-booking/report/mail/failures.csv").body();
        assertTrue(csv.contains("gone@example.jp,送信できず,"), csv);
    }
}
