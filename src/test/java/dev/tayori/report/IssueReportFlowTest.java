package dev.tayori.report;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a newsletter issue after a real mailing: five readers, one refused by the SMTP server
 * (550), one whose mail comes back as a bounce report in the inbound mailbox, one who unsubscribes
 * through the link in the issue (followed over HTTP as a browser would), one who clicks an article.
 * The next issue's one-click unsubscribe counts for that issue, not this one. The admin page, its CSV
 * and `campaigns stats --issue` say the same.
 */
class IssueReportFlowTest {
    private static final String REST = "https://kokoro.example.jp/columns/rest/";

    @TempDir
    Path dir;
    ReportWorld w;

    @BeforeEach
    void mailTwoIssues() throws Exception {
        w = new ReportWorld(dir, tokyo(2026, 11, 30, 12, 0));
        w.article("rest", "疲れた日の休み方", tokyo(2026, 11, 30, 6, 0));
        for (String who : List.of("hanako", "gone", "full", "leaving", "later")) {
            w.reader(who + "@example.jp");
        }
        w.smtp.rejectRecipients(r -> r.startsWith("gone@"));
        w.runAt(tokyo(2026, 12, 1, 7, 0)); // Tuesday: issue 1

        // full@'s mail comes back: a Postfix DSN, "550 5.1.1 ... User unknown"
        w.clock(tokyo(2026, 12, 1, 7, 30));
        w.bounce("postfix-dsn-hard.eml", "full@example.jp", only(w.newsletters("full@example.jp")));

        // leaving@ follows the link in the mail's footer: the page, then its button
        w.clock(tokyo(2026, 12, 1, 20, 0));
        String link = unsubscribeLinkIn(MailParts.text(only(w.newsletters("leaving@example.jp"))));
        HttpResponse<String> page = w.get(link, ReportWorld.BROWSER);
        assertEquals(200, page.statusCode());
        Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\" class=\"card\">").matcher(page.body());
        assertTrue(action.find(), page.body());
        assertEquals(200, w.post(action.group(1).replace("&amp;", "&"), "choice=all").statusCode());
        assertEquals("unsubscribed", w.world.app().subscribers().byEmail("leaving@example.jp").status().db());

        // hanako@ reads the article twice
        String tracked = trackedLinkIn(MailParts.text(only(w.newsletters("hanako@example.jp"))));
        assertEquals(302, w.get(tracked, ReportWorld.BROWSER).statusCode());
        assertEquals(302, w.get(tracked, ReportWorld.BROWSER).statusCode());

        // Thursday: issue 2 to those still reading; later@ leaves with the mail program's one-click button
        w.article("talk", "話すことの力", tokyo(2026, 12, 2, 6, 0));
        w.runAt(tokyo(2026, 12, 3, 7, 0));
        MimeMessage second = w.newsletters("later@example.jp").get(1);
        assertEquals(200, w.post(ReportWorld.listUnsubscribe(second), "List-Unsubscribe=One-Click").statusCode());
        // and pressing issue 1's link afterwards changes nothing: it is already done
        String old = ReportWorld.listUnsubscribe(w.newsletters("later@example.jp").get(0));
        assertEquals(200, w.post(old, "List-Unsubscribe=One-Click").statusCode());
        w.clock(tokyo(2026, 12, 3, 12, 0));
    }

    @AfterEach
    void stop() throws Exception {
        w.close();
    }

    @Test
    void theIssuesPageCountsOneFailureOneBounceAndOneUnsubscribeThroughItsLinkAndListsTheFailures() throws Exception {
        HttpResponse<String> r = w.admin("/admin/campaigns/newsletter/report/issues/1");
        assertEquals(200, r.statusCode());
        String page = r.body();
        assertTrue(page.contains("<h1>第1号のレポート: こころの便り"), page);
        assertEquals("4", figure(page, "sent"), "hanako, full, leaving and later; gone was refused");
        assertEquals("1", figure(page, "failed"));
        assertEquals("1", figure(page, "bounced"));
        assertEquals("0", figure(page, "complaints"));
        assertEquals("1", figure(page, "unsubscribed"), "leaving@ through issue 1; later@ left through issue 2");
        assertEquals("1", figure(page, "clickers"));
        assertTrue(page.contains("（25%）"), "1 of 4 sent: " + page);
        // the article with its clicks: one reader, two clicks
        assertTrue(page.matches("(?s).*1\\. 疲れた日の休み方.*" + Pattern.quote(REST) + "</span></td>"
                + "<td data-label=\"クリックした読者\">1人</td><td data-label=\"クリック\">2回</td>.*"), page);
        // the failure list: who, why, and the server's or report's own words
        String failures = page.substring(page.indexOf("<table class=\"data stack\" id=\"failures\">"));
        assertTrue(page.contains("届かなかったメール（2件）"), page);
        assertTrue(failures.matches("(?s).*gone@example\\.jp</td><td data-label=\"理由\">受け取り側のサーバーが受け取りを断りました"
                + "</td><td[^>]*>rejected: RCPT TO: 550 5\\.1\\.1 &lt;gone@example\\.jp&gt;: user unknown.*"), failures);
        assertTrue(failures.matches("(?s).*full@example\\.jp</td><td data-label=\"理由\">配信不能（恒久的）</td><td[^>]*>5\\.1\\.1 .*User unknown.*"),
                failures);
        assertTrue(page.contains("/admin/campaigns/newsletter/report/issues/1/failures.csv"), page);
        assertTrue(page.contains("<svg") && page.contains("送信数（日別）") && page.contains("読者の反応（日別）"), page);
        assertFalse(page.contains("style="), "the CSP allows no inline style");

        String two = w.admin("/admin/campaigns/newsletter/report/issues/2").body();
        assertEquals("2", figure(two, "sent"), "hanako and later");
        assertEquals("1", figure(two, "unsubscribed"), "later@'s one-click POST");
        assertEquals("0", figure(two, "failed"));
    }

    @Test
    void theFailureListExportsAsFormulaSafeCsvWithTheAddressAndReason() throws Exception {
        HttpResponse<String> csv = w.admin("/admin/campaigns/newsletter/report/issues/1/failures.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("newsletter-issue-1-failures.csv"));
        String body = csv.body();
        assertTrue(body.startsWith("\uFEFF日時,宛先,種類,理由,状態コード,サーバーの応答・報告の内容\r\n"), body);
        List<String> lines = body.lines().toList();
        assertEquals(3, lines.size(), body);
        assertTrue(lines.get(1).matches("2026-12-01 07:00 \\+09:00,gone@example\\.jp,送信できず,受け取り側のサーバーが受け取りを断りました,,"
                + "rejected: RCPT TO: 550 5\\.1\\.1 <gone@example\\.jp>: user unknown"), lines.get(1));
        assertTrue(lines.get(2).matches("2026-12-01 07:30 \\+09:00,full@example\\.jp,配信不能（恒久的）,配信不能（恒久的）,5\\.1\\.1,.*User unknown.*"),
                lines.get(2));
    }

    @Test
    void theCommandLineGivesTheSameFiguresAsThePage() {
        TestWorld.CliResult r = w.world.cli("campaigns", "stats", "newsletter", "--issue", "1");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("newsletter issue 1 (2026年12月1日（火）, 2026-12-01 07:00 +09:00)"), out);
        assertTrue(out.contains("\n  sent          4\n"), out);
        assertTrue(out.contains("\n  failed        1  (20% of the mail tried)\n"), out);
        assertTrue(out.contains("\n  bounced       1  (25% of sent; 1 hard)\n"), out);
        assertTrue(out.contains("\n  complaints    0  (0%)\n"), out);
        assertTrue(out.contains("\n  unsubscribed  1  (25%) through this mail's link\n"), out);
        assertTrue(out.contains("\n  clicks: 1 unique (25%), 2 total\n"), out);
        assertTrue(out.contains("\n    1. 1 unique, 2 total  疲れた日の休み方  " + REST + "\n"), out);
        assertTrue(out.contains("\n  failures: 2\n"), out);
        assertTrue(out.contains("\n    2026-12-01 07:00 +09:00  gone@example.jp  not sent  rejected: RCPT TO: 550 5.1.1 <gone@example.jp>: user unknown\n"),
                out);
        assertTrue(out.contains("\n    2026-12-01 07:30 +09:00  full@example.jp  hard bounce 5.1.1  "), out);

        String two = w.world.cli("campaigns", "stats", "newsletter", "--issue", "2").out();
        assertTrue(two.contains("\n  unsubscribed  1  (50%) through this mail's link\n"), two);
        assertTrue(two.contains("\n  failures: 0\n"), two);

        TestWorld.CliResult none = w.world.cli("campaigns", "stats", "newsletter", "--issue", "9");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("newsletter has no issue 9"), none.err());
        TestWorld.CliResult wrong = w.world.cli("campaigns", "stats", "workbook", "--issue", "1");
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("use --step N"), wrong.err());
    }

    @Test
    void theCampaignReportSetsTheIssuesSideBySideWithTheirRatesAndLinksEach() throws Exception {
        String page = w.admin("/admin/campaigns/newsletter/report").body();
        assertTrue(page.contains("号ごとのレポート"), page);
        int second = page.indexOf("<a href=\"/admin/campaigns/newsletter/report/issues/2\">第2号</a>");
        int first = page.indexOf("<a href=\"/admin/campaigns/newsletter/report/issues/1\">第1号</a>");
        assertTrue(second > 0 && first > second, "newest first: " + page);
        String row1 = page.substring(first, page.indexOf("</tr>", first));
        assertTrue(row1.contains("<td data-label=\"送信済み\">4</td><td data-label=\"送信できず\">1（20%）</td>"
                + "<td data-label=\"配信不能\">1（25%）</td><td data-label=\"迷惑メール報告\">0（0%）</td>"
                + "<td data-label=\"配信停止\">1（25%）</td><td data-label=\"クリックした読者\">1（25%）</td>"), row1);
        assertTrue(page.contains("率の比較"), "the chart of the issues' rates: " + page);
        assertEquals(404, w.admin("/admin/campaigns/newsletter/report/issues/3").statusCode(), "no issue 3 went out");
        assertEquals(404, w.admin("/admin/campaigns/newsletter/report/issues/x1").statusCode());
    }

    @Test
    void anErasedReadersFailureIsListedAnonymouslyOnThePageAndInTheCsv() throws Exception {
        assertEquals(0, w.world.cli("subscribers", "erase", "gone@example.jp").exitCode());
        String page = w.admin("/admin/campaigns/newsletter/report/issues/1").body();
        assertEquals("1", figure(page, "failed"), "still counted");
        assertFalse(page.contains("gone@example.jp"), page);
        assertTrue(page.contains("<td data-label=\"宛先\" class=\"anonymous\">（削除された読者）</td>"), page);
        String csv = w.admin("/admin/campaigns/newsletter/report/issues/1/failures.csv").body();
        assertFalse(csv.contains("gone@"), csv);
        assertTrue(csv.contains(",（削除された読者）,送信できず,"), csv);
        String cli = w.world.cli("campaigns", "stats", "newsletter", "--issue", "1").out();
        assertFalse(cli.contains("gone@"), cli);
        assertTrue(cli.contains("(erased reader)  not sent"), cli);
    }

    private static MimeMessage only(List<MimeMessage> mails) {
        assertEquals(1, mails.size(), "one newsletter so far");
        return mails.get(0);
    }

    /** The number a figure of the page shows, by its id. */
    private static String figure(String page, String id) {
        Matcher m = Pattern.compile("<strong id=\"" + id + "\">([0-9]+)</strong>").matcher(page);
        assertTrue(m.find(), "no figure " + id + " in " + page);
        return m.group(1);
    }

    private static String unsubscribeLinkIn(String text) {
        Matcher m = Pattern.compile("https?://\\S+/unsubscribe/[A-Za-z0-9_-]+\\?mail=[0-9]+\\.[A-Za-z0-9_-]+").matcher(text);
        assertTrue(m.find(), "no unsubscribe link naming its mail in: " + text);
        return m.group();
    }

    private static String trackedLinkIn(String text) {
        Matcher m = Pattern.compile("https?://\\S+/r/[A-Za-z0-9._-]+").matcher(text);
        assertTrue(m.find(), text);
        return m.group();
    }
}
