package dev.tayori.newsletter;

import static dev.tayori.TestWorld.TOKYO;
import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.TestWorld;
import dev.tayori.delivery.SendReport;
import dev.tayori.subscriber.ConsentRecord;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four weeks of the Tuesday, Thursday and Saturday newsletter with an injected clock. */
class NewsletterFlowTest {
    @TempDir
    Path dir;
    Path articles;
    TestWorld world;

    @BeforeEach
    void start() throws IOException {
        articles = Files.createDirectories(dir.resolve("articles"));
        world = new TestWorld(dir, tokyo(2026, 11, 30, 12, 0));
        world.env().put("TAYORI_ARTICLES_DIR", articles.toString());
        confirm("early@example.jp", tokyo(2026, 11, 28, 9, 0));
        confirm("second@example.jp", tokyo(2026, 11, 29, 9, 0));
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private void confirm(String email, Instant at) {
        world.clock.set(at);
        world.app().subscribers().addConfirmed(email, "", ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
    }

    private void article(String slug, Instant published, String title) throws IOException {
        Files.writeString(articles.resolve(slug + ".md"), """
                ---
                title: "%s"
                url: https://kokoro.example.jp/columns/%s/
                published: %s
                tags: [セルフケア]
                ---
                疲れた日は、まず深呼吸をひとつ。肩の力を抜いてみましょう。小さなことから始めれば大丈夫です。
                それでも難しいときは、誰かに話してみてください。**ひとりで抱えない**ことが大切です。

                ## 今日できること
                - 温かい飲み物をゆっくり飲む
                - 五分だけ外の空気を吸う
                """.formatted(title, slug, published.atZone(TOKYO).toOffsetDateTime()));
    }

    /** Runs with the shipped newsletter file changed in one place. */
    private void useNewsletterFile(String from, String to) throws IOException {
        String shipped = Files.readString(Path.of("campaigns/newsletter.yaml"));
        assertTrue(shipped.contains(from), from);
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.writeString(campaigns.resolve("newsletter.yaml"), shipped.replace(from, to));
        Files.copy(Path.of("campaigns/workbook.yaml"), campaigns.resolve("workbook.yaml"));
        world.env().put("TAYORI_CAMPAIGNS_DIR", campaigns.toString());
        world.restart();
    }

    private List<MimeMessage> newsletters(String email) {
        return world.received().stream()
                .filter(m -> MailParts.to(m).equals(email))
                .filter(m -> MailParts.header(m, "List-Id").startsWith("<newsletter."))
                .toList();
    }

    private SendReport runAt(Instant at) {
        world.clock.set(at);
        SendReport report = world.app().dueWork().run(at);
        assertEquals(null, report.problem());
        assertEquals(List.of(), report.warnings());
        return report;
    }

    private static boolean isSlotDay(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.THURSDAY
                || d.getDayOfWeek() == DayOfWeek.SATURDAY;
    }

    @Test
    void fourWeeksOfIssuesOnExactlyTheSlotsEachWithOnlyWhatIsNew() throws Exception {
        useNewsletterFile("reread-not-in-last: 6", "reread-not-in-last: 3");
        // Weeks 1, 2 and 4: a column every Monday, Wednesday and Friday at 06:00. Week 3: none.
        LocalDate monday = LocalDate.of(2026, 11, 30);
        List<String> expectedTitles = new ArrayList<>();
        for (int week = 0; week < 4; week++) {
            for (int d = 0; d < 7; d++) {
                LocalDate day = monday.plusWeeks(week).plusDays(d);
                boolean writes = week != 2 && (d == 0 || d == 2 || d == 4);
                if (writes) {
                    article("c" + day, day.atTime(6, 0).atZone(TOKYO).toInstant(), "コラム " + day);
                }
                // every three hours, and around each slot: a minute early, then the slot twice
                for (int hour = 0; hour < 24; hour += 3) {
                    if (hour == 9 && isSlotDay(day)) {
                        Instant slot = day.atTime(7, 0).atZone(TOKYO).toInstant();
                        int before = newsletters("early@example.jp").size();
                        runAt(slot.minusSeconds(60));
                        assertEquals(before, newsletters("early@example.jp").size(), "nothing a minute early on " + day);
                        runAt(slot);
                        runAt(slot);
                        assertEquals(before + 1, newsletters("early@example.jp").size(), "one issue on " + day);
                    }
                    runAt(day.atTime(hour, 0).atZone(TOKYO).toInstant());
                }
            }
        }
        List<MimeMessage> early = newsletters("early@example.jp");
        assertEquals(12, early.size(), "three issues a week for four weeks");
        assertEquals(12, newsletters("second@example.jp").size());
        for (MimeMessage m : early) {
            LocalDate sent = m.getSentDate().toInstant().atZone(TOKYO).toLocalDate();
            assertTrue(isSlotDay(sent), "sent on " + sent + " " + sent.getDayOfWeek());
        }
        // Tuesday's issue features Monday's column only (Saturday's issue had Friday's).
        String tuesday = MailParts.text(early.get(0));
        assertTrue(tuesday.contains("コラム 2026-11-30"), tuesday);
        String thursday = MailParts.text(early.get(1));
        assertTrue(thursday.contains("コラム 2026-12-02") && !thursday.contains("コラム 2026-11-30"), thursday);
        // Week 3 has nothing new: each issue is a re-read pick, marked as such, never the same twice in a row.
        List<String> rereads = new ArrayList<>();
        for (int i = 6; i < 9; i++) {
            String text = MailParts.text(early.get(i));
            assertTrue(text.contains("もう一度読みたい"), text);
            rereads.add(text.substring(text.indexOf("■")));
        }
        assertEquals(3, rereads.stream().distinct().count(), "three different re-read picks");
        // No article is featured twice as new across all issues.
        List<String> newTitles = new ArrayList<>();
        for (MimeMessage m : early) {
            String text = MailParts.text(m);
            if (!text.contains("もう一度読みたい")) {
                for (String line : text.split("\n")) {
                    if (line.startsWith("■ ")) {
                        newTitles.add(line);
                    }
                }
            }
        }
        assertEquals(newTitles.stream().distinct().count(), newTitles.size(), newTitles.toString());
        assertEquals(9, newTitles.size(), "every one of the nine columns featured once as new");
        // Issue numbers and Japanese dates in the subject.
        assertEquals("こころの便り 第1号（2026年12月1日（火））", MailParts.subject(early.get(0)));
        assertEquals("こころの便り 第12号（2026年12月26日（土））", MailParts.subject(early.get(11)));
    }

    @Test
    void whenTheFileSaysSkipAnIssueWithNothingNewIsSkippedAndRecorded() throws Exception {
        useNewsletterFile("when-nothing-new: reread", "when-nothing-new: skip");
        article("old", tokyo(2026, 11, 20, 6, 0), "古いコラム");
        runAt(tokyo(2026, 12, 1, 7, 0));
        assertEquals(0, newsletters("early@example.jp").size());
        var issue = world.app().jdbi().withExtension(IssueDao.class, dao -> dao.latest("newsletter")).orElseThrow();
        assertEquals(Issue.SKIPPED, issue.state());
        assertTrue(issue.reason().contains("no new articles"), issue.reason());
    }

    @Test
    void aSlotMissedByLessThanTheCatchUpWindowGoesOutWhenTayoriComesBack() throws Exception {
        article("a", tokyo(2026, 11, 30, 6, 0), "月曜のコラム");
        runAt(tokyo(2026, 11, 30, 21, 0));
        // down from Monday night; back on Tuesday at 18:59, 11h59m after the 07:00 slot
        world.restart();
        runAt(tokyo(2026, 12, 1, 18, 59));
        assertEquals(1, newsletters("early@example.jp").size());
        runAt(tokyo(2026, 12, 1, 19, 30));
        assertEquals(1, newsletters("early@example.jp").size(), "and only once");
    }

    @Test
    void aSlotMissedByMoreThanTheCatchUpWindowIsSkippedAndShownNotSentStale() throws Exception {
        article("a", tokyo(2026, 11, 30, 6, 0), "月曜のコラム");
        runAt(tokyo(2026, 11, 30, 21, 0));
        world.restart();
        runAt(tokyo(2026, 12, 1, 19, 1)); // 12h01m late
        assertEquals(0, newsletters("early@example.jp").size());
        var tuesday = world.app().jdbi().withExtension(IssueDao.class,
                dao -> dao.findBySlot("newsletter", tokyo(2026, 12, 1, 7, 0))).orElseThrow();
        assertEquals(Issue.SKIPPED, tuesday.state());
        assertTrue(tuesday.reason().startsWith("missed"), tuesday.reason());
        // Thursday goes out as usual, with Monday's column, which no issue has featured yet.
        runAt(tokyo(2026, 12, 3, 7, 0));
        List<MimeMessage> mail = newsletters("early@example.jp");
        assertEquals(1, mail.size());
        assertTrue(MailParts.text(mail.get(0)).contains("月曜のコラム"));
        assertEquals("こころの便り 第1号（2026年12月3日（木））", MailParts.subject(mail.get(0)));
    }

    @Test
    void slotsMissedDuringALongOutageAreRecordedAsSkipped() throws Exception {
        article("a", tokyo(2026, 11, 30, 6, 0), "月曜のコラム");
        runAt(tokyo(2026, 12, 1, 7, 0));
        world.restart();
        article("b", tokyo(2026, 12, 9, 6, 0), "水曜のコラム");
        runAt(tokyo(2026, 12, 10, 8, 0)); // Thursday the 10th, an hour late: sent; the 3rd, 5th, 8th skipped
        var recent = world.app().jdbi().withExtension(IssueDao.class, dao -> dao.recent("newsletter", 10));
        assertEquals(5, recent.size());
        assertEquals(List.of("planned", "skipped", "skipped", "skipped", "planned"),
                recent.stream().map(Issue::state).toList());
        assertEquals(2, newsletters("early@example.jp").size());
    }

    @Test
    void aSubscriberConfirmedAfterTheSlotDoesNotGetThatIssue() throws Exception {
        article("a", tokyo(2026, 11, 30, 6, 0), "月曜のコラム");
        confirm("late@example.jp", tokyo(2026, 12, 1, 7, 30));
        runAt(tokyo(2026, 12, 1, 8, 0)); // the 07:00 slot, run late but within the window
        assertEquals(1, newsletters("early@example.jp").size());
        assertEquals(0, newsletters("late@example.jp").size());
    }

    @Test
    void theExcerptLinksToTheArticleWithTheTrackingParametersAndTheLegalFooter() throws Exception {
        article("kyori", tokyo(2026, 11, 30, 6, 0), "心の距離 <と> 境界線");
        runAt(tokyo(2026, 12, 1, 7, 0));
        MimeMessage m = newsletters("early@example.jp").get(0);
        String html = MailParts.html(m);
        String text = MailParts.text(m);
        String link = "https://kokoro.example.jp/columns/kyori/?utm_source=tayori&utm_medium=email&utm_campaign=newsletter";
        assertTrue(text.contains(link), text);
        assertTrue(html.contains(link.replace("&", "&amp;")), html);
        assertTrue(html.contains("心の距離 &lt;と&gt; 境界線"), "titles are escaped in HTML");
        assertTrue(text.contains("疲れた日は、まず深呼吸をひとつ。"), text);
        assertTrue(text.contains("続きを読む"));
        assertFalse(text.contains("\uFFFD"));
        assertTrue(MailParts.header(m, "List-Unsubscribe").startsWith("<https://mail.example.jp/unsubscribe/"));
        assertEquals("List-Unsubscribe=One-Click", MailParts.header(m, "List-Unsubscribe-Post"));
        assertTrue(text.contains("〒150-0001 東京都渋谷区神宮前1-2-3"));
    }

    @Test
    void aReaderWhoStoppedOnlyTheNewsletterKeepsTheWorkbookButGetsNoIssue() throws Exception {
        article("a", tokyo(2026, 11, 30, 6, 0), "月曜のコラム");
        var app = world.app();
        app.subscribers().optOut(app.subscribers().byEmail("second@example.jp"), "newsletter", "test");
        runAt(tokyo(2026, 12, 1, 7, 0));
        assertEquals(1, newsletters("early@example.jp").size());
        assertEquals(0, newsletters("second@example.jp").size());
    }

    @Test
    void anUnreadableArticleFolderIsReportedAndNoIssueIsSentHalfBuilt() throws Exception {
        article("a", tokyo(2026, 11, 30, 6, 0), "月曜のコラム");
        Files.writeString(articles.resolve("broken.md"), "---\ntitle: 壊れた記事\npublished: yesterday\n---\n本文");
        world.clock.set(tokyo(2026, 12, 1, 7, 0));
        SendReport report = world.app().dueWork().run(tokyo(2026, 12, 1, 7, 0));
        assertEquals(1, report.warnings().size());
        assertTrue(report.warnings().get(0).contains("broken.md"), report.warnings().get(0));
        assertEquals(0, newsletters("early@example.jp").size());
        Files.delete(articles.resolve("broken.md"));
        runAt(tokyo(2026, 12, 1, 7, 1));
        assertEquals(1, newsletters("early@example.jp").size(), "fixed within the window, the issue goes out");
    }

    @Test
    void aWordPressFeedFileFeedsTheIssues() throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>こころのブログ</title><link>https://kokoro.example.jp/</link><description>d</description>
                <item><title>フィードのコラム</title><link>https://kokoro.example.jp/columns/feed-1/</link>
                <pubDate>Sun, 29 Nov 2026 21:00:00 +0000</pubDate><category><![CDATA[セルフケア]]></category>
                <description><![CDATA[短い紹介 [&#8230;]]]></description>
                <content:encoded><![CDATA[<p>朝の光を浴びると、気持ちが少し軽くなります。&nbsp;今日は窓を開けてみましょう。</p><figure><img src="x.jpg" alt="窓"><figcaption>写真の説明</figcaption></figure><script>alert(1)</script><p>続きの段落です。</p>]]></content:encoded>
                </item></channel></rss>
                """);
        world.env().put("TAYORI_ARTICLES_FEED", feed.toString());
        world.restart();
        runAt(tokyo(2026, 12, 1, 7, 0));
        String text = MailParts.text(newsletters("early@example.jp").get(0));
        assertTrue(text.contains("フィードのコラム"), text);
        assertTrue(text.contains("朝の光を浴びると、気持ちが少し軽くなります。"), text);
        assertFalse(text.contains("写真の説明") || text.contains("alert") || text.contains("&nbsp;"), text);
        assertTrue(text.contains("https://kokoro.example.jp/columns/feed-1/?utm_source=tayori"), text);
    }
}
