package dev.tayori.content;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.MailParts;
import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import dev.tayori.delivery.SendReport;
import dev.tayori.subscriber.ConsentRecord;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A blog feed as a broken plugin, a hacked blog or a careless copy-paste would serve it, read by a
 * whole tayori (SQLite file, GreenMail) on the Tuesday 07:00 slot. A bad item is left out and named
 * while the good article still goes out; a feed that cannot be trusted at all changes nothing.
 */
class HostileFeedTest {
    static final String GOOD_LINK = "https://kokoro.example.jp/columns/good/";
    static final Instant SLOT = tokyo(2026, 12, 1, 7, 0);
    static final String MONDAY = "Sun, 29 Nov 2026 21:00:00 +0000"; // Monday 06:00 in Tokyo

    @TempDir
    Path dir;
    Path feed;
    TestWorld world;

    @BeforeEach
    void start() throws IOException {
        world = new TestWorld(dir, tokyo(2026, 11, 30, 12, 0));
        // Only the newsletter, so the workbook's lessons do not change rows while a feed is refused.
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.copy(Path.of("campaigns/newsletter.yaml"), campaigns.resolve("newsletter.yaml"));
        world.env().put("TAYORI_CAMPAIGNS_DIR", campaigns.toString());
        feed = dir.resolve("feed.xml");
        world.env().put("TAYORI_ARTICLES_FEED", feed.toString());
        Instant at = tokyo(2026, 11, 29, 9, 0);
        world.app().subscribers().addConfirmed("reader@example.jp", "",
                ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
        world.app().dueWork().run(world.clock.instant()); // the newsletter is seen here from now on
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String item(String title, String link, String date) {
        return "<item>" + (title == null ? "" : "<title>" + xml(title) + "</title>")
                + (link == null ? "" : "<link>" + xml(link) + "</link>")
                + (date == null ? "" : "<pubDate>" + date + "</pubDate>")
                + "<content:encoded><![CDATA[<p>" + (title == null ? "題のない記事" : title)
                + "の本文です。続きもあります。</p>]]></content:encoded></item>\n";
    }

    static String good() {
        return item("今週のコラム", GOOD_LINK, MONDAY);
    }

    static String rss(String channelLink, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>こころの相談室ブログ</title><link>" + xml(channelLink) + "</link><description>d</description>\n"
                + String.join("", items) + "</channel></rss>\n";
    }

    private SendReport runSlot() {
        world.clock.set(SLOT);
        return world.app().dueWork().run(SLOT);
    }

    private MimeMessage theIssue() {
        List<MimeMessage> mail = world.received();
        assertEquals(1, mail.size(), "one issue to the one reader");
        return mail.get(0);
    }

    private List<String> recordedLinks() {
        return world.app().jdbi().withHandle(h -> h.createQuery("SELECT url FROM issue_articles ORDER BY position")
                .mapTo(String.class).list());
    }

    /** Every link a reader can click: the article's (with the tracking parameters) and the footer's. */
    private static void assertOnlyHttpsLinks(MimeMessage m, String bad) {
        Document html = Jsoup.parse(MailParts.html(m));
        assertTrue(html.select("script, iframe, object").isEmpty(), html.html());
        for (Element a : html.select("[href], [src]")) {
            String href = a.hasAttr("href") ? a.attr("href") : a.attr("src");
            assertTrue(href.startsWith("https://kokoro.example.jp/") || href.startsWith("https://mail.example.jp/"),
                    "a link that is not the blog's or tayori's reached the mail: " + href);
        }
        String text = MailParts.text(m);
        for (String part : new String[] {html.html(), text}) {
            String lower = part.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("evil") || lower.contains("javascript") || lower.contains("alert("), part);
            if (bad != null && bad.strip().length() > 12) {
                assertFalse(part.contains(bad.strip()), part);
            }
        }
    }

    private static String onlyWarning(SendReport report) {
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        return report.warnings().get(0);
    }

    // --- links that are not absolute http(s) addresses: the item is left out, the issue goes out ---

    static Stream<String> badLinks() {
        return Stream.of(
                "javascript:alert('evil')",
                "JAVASCRIPT:alert('evil')",
                "   javascript:alert('evil')",
                "java\tscript:alert('evil')",
                "java\nscript:alert('evil')",
                "\u0085javascript:alert('evil')",
                "javascript://kokoro.example.jp/%0Aalert('evil')",
                "vbscript:msgbox(\"evil\")",
                "data:text/html,<script>alert('evil')</script>",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgnZXZpbCcpPC9zY3JpcHQ+#evil",
                "file:///etc/passwd#evil",
                "mailto:evil@example.com",
                "ftp://evil.example/columns/x/",
                "//evil.example/columns/x/",
                "https:evil.example/columns/x/",
                "https:/evil.example/columns/x/",
                "https:///evil.example/columns/x/",
                "https://kokoro.example.jp@evil.example/columns/x/",
                "https://user:pass@evil.example/",
                "https://evil.example/\"><script>alert(1)</script>",
                "https://evil.example/a b",
                "https://kokoro.example.jp/evil\u3000page/",
                "https://kokoro.example.jp/evil\u202Egpj.exe",
                "https://kokoro.example.jp\\evil.example/",
                "https://kokoro.example.jp:99999/evil/",
                "https://evil_host.example/columns/",
                "http://[::1/evil",
                "https://kokoro.example.jp/evil/" + "x".repeat(ArticleLink.MAX_LENGTH));
    }

    @ParameterizedTest
    @MethodSource("badLinks")
    void anItemWhoseLinkIsNotAnHttpsAddressIsLeftOutNamedAndTheIssueGoesOutWithTheGoodOne(String bad)
            throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/", good(), item("危ないリンクの記事", bad, MONDAY)));
        SendReport report = runSlot();
        String warning = onlyWarning(report);
        assertTrue(warning.contains("item 2 '危ないリンクの記事' was left out: "), warning);
        assertTrue(warning.contains(feed.toString()), warning);
        assertFalse(warning.contains("\n") || warning.contains("\t") || warning.contains("\u202E"),
                "one line, nothing invisible: " + warning);
        MimeMessage m = theIssue();
        assertTrue(MailParts.text(m).contains(GOOD_LINK + "?utm_source=tayori"), MailParts.text(m));
        assertFalse(MailParts.text(m).contains("危ないリンクの記事"), "the refused article is not featured");
        assertOnlyHttpsLinks(m, bad);
        assertEquals(List.of(GOOD_LINK), recordedLinks());
    }

    @Test
    void anItemWithoutALinkOrATitleIsLeftOutAndNamedByItsPosition() throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/", good(), item("リンクのない記事", null, MONDAY),
                item(null, "https://kokoro.example.jp/columns/untitled/", MONDAY),
                item("   ", "https://kokoro.example.jp/columns/blank/", MONDAY)));
        SendReport report = runSlot();
        assertEquals(3, report.warnings().size(), report.warnings().toString());
        assertTrue(report.warnings().get(0).contains("item 2 'リンクのない記事' was left out: it has no link"),
                report.warnings().get(0));
        assertTrue(report.warnings().get(1).contains("item 3 (no title) was left out: it has no title"),
                report.warnings().get(1));
        assertTrue(report.warnings().get(2).contains("item 4 (no title)"), report.warnings().get(2));
        assertEquals(List.of(GOOD_LINK), recordedLinks());
    }

    @ParameterizedTest
    @MethodSource("impossibleDates")
    void anItemDatedFarInTheFutureOrThePastOrUnreadablyIsLeftOut(String date) throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/", good(),
                item("日付のおかしい記事", "https://kokoro.example.jp/columns/date/", date)));
        String warning = onlyWarning(runSlot());
        assertTrue(warning.contains("item 2 '日付のおかしい記事' was left out: it"), warning);
        assertTrue(warning.contains("cannot be right") || warning.contains("no date"), warning);
        assertEquals(List.of(GOOD_LINK), recordedLinks());
        assertFalse(MailParts.text(theIssue()).contains("日付のおかしい記事"));
    }

    static Stream<String> impossibleDates() {
        return Stream.of("Fri, 31 Dec 9999 23:59:59 +0000", "Mon, 01 Jan 1900 00:00:00 +0000",
                "Thu, 01 Jan 1970 00:00:00 +0000", "yesterday", null);
    }

    @Test
    void aSecondItemWithTheSameLinkIsLeftOutSoNoArticleIsFeaturedTwice() throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/", good(),
                item("同じ記事の再投稿", GOOD_LINK, MONDAY)));
        String warning = onlyWarning(runSlot());
        assertTrue(warning.contains("item 2 '同じ記事の再投稿' was left out: it has the same link as item 1"), warning);
        assertEquals(List.of(GOOD_LINK), recordedLinks());
    }

    @Test
    void markupInATitleArrivesAsEscapedTextNeverAsAScript() throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/",
                item("<script>alert(1)</script><img src=x onerror=alert(2)>心の距離", GOOD_LINK, MONDAY)));
        assertEquals(List.of(), runSlot().warnings());
        MimeMessage m = theIssue();
        Document html = Jsoup.parse(MailParts.html(m));
        assertTrue(html.select("script, img[onerror]").isEmpty(), html.html());
        assertTrue(MailParts.html(m).contains("&lt;script&gt;alert(1)&lt;/script&gt;"), MailParts.html(m));
        assertTrue(MailParts.text(m).contains("<script>alert(1)</script><img src=x onerror=alert(2)>心の距離"));
    }

    @Test
    void aTitleWithLineBreaksAndABidiOverrideBecomesOneReadableLine() throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/",
                item("心の\n\n距離\u202Eと境界線", GOOD_LINK, MONDAY)));
        runSlot();
        assertTrue(MailParts.text(theIssue()).contains("■ 心の 距離と境界線\n"), MailParts.text(theIssue()));
    }

    @Test
    void anAtomTitleOfTypeHtmlGivesItsTextAndItsScriptNothing() throws IOException {
        Files.writeString(feed, """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>f</id>
                <link rel="alternate" href="https://kokoro.example.jp/"/><updated>2026-11-30T06:00:00+09:00</updated>
                <entry><title type="html">&lt;script&gt;alert(1)&lt;/script&gt;深呼吸 &amp;amp; 休息</title>
                <link rel="alternate" href="https://kokoro.example.jp/columns/good/"/><id>a</id>
                <published>2026-11-30T06:00:00+09:00</published>
                <content type="html">&lt;p&gt;今日は深呼吸の日にしましょう。&lt;/p&gt;</content></entry></feed>
                """);
        runSlot();
        String text = MailParts.text(theIssue());
        assertTrue(text.contains("■ 深呼吸 & 休息\n"), text);
        assertFalse(text.contains("alert"), text);
    }

    // --- relative links: resolved against the feed's own address, or refused ---

    @Test
    void aRelativeItemLinkIsResolvedAgainstTheChannelLink() throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/", item("相対リンクの記事", "/columns/relative/", MONDAY),
                item("もうひとつ", "  columns/second/\n  ", MONDAY)));
        assertEquals(List.of(), runSlot().warnings());
        assertEquals(List.of("https://kokoro.example.jp/columns/relative/", "https://kokoro.example.jp/columns/second/"),
                recordedLinks());
        assertTrue(MailParts.text(theIssue()).contains("https://kokoro.example.jp/columns/relative/?utm_source=tayori"));
    }

    @Test
    void aRelativeItemLinkInAFeedWhoseOwnLinkIsNotHttpsIsLeftOut() throws IOException {
        Files.writeString(feed, rss("javascript:alert('evil')//", good(), item("相対リンクの記事", "columns/evil/", MONDAY)));
        String warning = onlyWarning(runSlot());
        assertTrue(warning.contains("item 2 '相対リンクの記事' was left out: its link 'columns/evil/' is not a whole"
                + " address"), warning);
        assertOnlyHttpsLinks(theIssue(), null);
        assertEquals(List.of(GOOD_LINK), recordedLinks());
    }

    @Test
    void anAtomFeedsRelativeLinksFollowXmlBaseAndAnIdnHostGoesOutAsXn() throws IOException {
        Files.writeString(feed, """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://kokoro.example.jp/blog/">
                <title>t</title><id>f</id><link rel="alternate" href="https://kokoro.example.jp/"/>
                <updated>2026-11-30T06:00:00+09:00</updated>
                <entry><title>相対</title><link rel="alternate" href="columns/base/"/><id>a</id>
                <published>2026-11-30T06:00:00+09:00</published><content type="html">&lt;p&gt;本文。&lt;/p&gt;</content></entry>
                <entry><title>日本語ドメイン</title><link rel="alternate" href="https://こころ.example.jp/コラム/"/><id>b</id>
                <published>2026-11-30T05:00:00+09:00</published><content type="html">&lt;p&gt;本文。&lt;/p&gt;</content></entry>
                </feed>
                """);
        assertEquals(List.of(), runSlot().warnings());
        assertEquals(List.of("https://kokoro.example.jp/blog/columns/base/",
                "https://xn--28ja8o.example.jp/%E3%82%B3%E3%83%A9%E3%83%A0/"), recordedLinks());
    }

    // --- feeds that cannot be trusted at all: refused whole, nothing recorded but the failure, nothing sent ---

    private void assertRefusedWhole(String expected, FeedProblem problem) {
        Snapshot before = Snapshot.of(world);
        SendReport report = runSlot();
        String warning = onlyWarning(report);
        assertTrue(warning.contains("the next run tries again") && warning.contains(expected), warning);
        Snapshot after = Snapshot.of(world);
        assertEquals(List.of(feed + " | " + problem.name() + " | null | " + SLOT.toEpochMilli()),
                after.tables().get("feed_failures"), "the failure is kept for the dashboard, by its kind");
        java.util.Map<String, List<String>> rest = new java.util.TreeMap<>(after.tables());
        rest.put("feed_failures", before.tables().get("feed_failures"));
        assertEquals(before, new Snapshot(rest, after.mailsReceived()), "a refused feed changes nothing else");
    }

    @Test
    void aFeedWhoseEveryItemIsRefusedIsRefusedWholeAndNoIssueIsRecorded() throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/", item("危ない1", "javascript:alert('evil')", MONDAY),
                item("危ない2", "//evil.example/", MONDAY)));
        assertRefusedWhole("every item of the feed " + feed + " was refused", FeedProblem.NO_USABLE_ITEM);
    }

    @Test
    void aBillionLaughsFeedIsRefusedWithoutExpandingAnything() throws IOException {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        Files.writeString(feed, "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities + "]>"
                + "<rss version=\"2.0\"><channel><title>t</title><link>https://kokoro.example.jp/</link><description>d"
                + "</description><item><title>&lol9;</title><link>" + GOOD_LINK + "</link><pubDate>" + MONDAY
                + "</pubDate></item></channel></rss>");
        assertRefusedWhole("is not a valid RSS or Atom feed", FeedProblem.NOT_A_FEED);
    }

    @Test
    void anExternalEntityFeedIsRefusedAndTheFileItNamesIsNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-PASSWORD");
        Files.writeString(feed, "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><link>https://kokoro.example.jp/</link><description>d"
                + "</description><item><title>&xxe;</title><link>" + GOOD_LINK + "</link><pubDate>" + MONDAY
                + "</pubDate></item></channel></rss>");
        assertRefusedWhole("is not a valid RSS or Atom feed", FeedProblem.NOT_A_FEED);
    }

    @Test
    void anHtmlPageWhereTheFeedShouldBeIsNamedAsSuch() throws IOException {
        Files.writeString(feed, "\uFEFF<!DOCTYPE html>\n<html lang=\"ja\"><head><title>こころの相談室ブログ</title></head>"
                + "<body><p>ようこそ</p></body></html>");
        assertRefusedWhole("is an HTML page, not an RSS or Atom feed (for WordPress the feed is the blog's address"
                + " followed by /feed/)", FeedProblem.HTML_PAGE);
    }

    @Test
    void aFeedLargerThanTheLimitIsRefusedBeforeItIsParsed() throws IOException {
        String head = rss("https://kokoro.example.jp/", good()).replace("</channel></rss>\n", "");
        try (var out = Files.newBufferedWriter(feed)) {
            out.write(head);
            String filler = item("水増し", GOOD_LINK, MONDAY);
            for (long written = 0; written < ArticleFeed.DEFAULT_MAX_BYTES; written += filler.length()) {
                out.write(filler);
            }
            out.write("</channel></rss>");
        }
        assertRefusedWhole("is larger than 10 MB", FeedProblem.TOO_LARGE);
    }

    @Test
    void aTruncatedFeedIsRefusedNotHalfRead() throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/", good()).substring(0, 400));
        assertRefusedWhole("is not a valid RSS or Atom feed", FeedProblem.NOT_A_FEED);
    }

    @Test
    void sendDueExitsOneAndPrintsTheRefusedItemOnOneLine() throws IOException {
        Files.writeString(feed, rss("https://kokoro.example.jp/", good(), item("危ないリンクの記事", "javascript:alert('evil')",
                MONDAY)));
        world.clock.set(SLOT);
        TestWorld.CliResult result = world.cli("send-due");
        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertTrue(result.err().contains("warning: newsletter: the feed " + feed + ": item 2 '危ないリンクの記事' was left"
                + " out: its link 'javascript:alert('evil')' is a javascript: link; only http:// and https:// article"
                + " addresses are accepted\n"), result.err());
        assertOnlyHttpsLinks(theIssue(), "javascript:alert('evil')");
    }

    @Test
    void aFeedServerThatNeverStopsSendingIsCutOffAtTheLimitWhileReading() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] chunk = item("水増し", GOOD_LINK, MONDAY).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext("/feed/", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to check first
            try (var out = exchange.getResponseBody()) {
                out.write(rss("https://kokoro.example.jp/").replace("</channel></rss>\n", "")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // tayori hung up, as it should
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/";
            ContentException e = org.junit.jupiter.api.Assertions.assertThrows(ContentException.class,
                    () -> new ArticleFeed(url, 1024 * 1024).read());
            assertEquals("the feed " + url + " is larger than 1 MB; a blog's feed is far smaller, so this is not read"
                    + " (is it the right address?)", e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    /** Before: send-due's warning printed the feed's URL whole, its token with it (only errors were masked). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"http://127.0.0.1:1/feed/?key=Zq9-feed-key",
            "http://reader:Zq9-feed-key@127.0.0.1:1/feed/", "http://127.0.0.1:1/feed/?access_token=Zq9-feed-key"})
    void aFeedThatCannotBeReachedIsNamedWithoutItsToken(String url) {
        world.env().put("TAYORI_ARTICLES_FEED", url);
        world.clock.set(SLOT);
        dev.tayori.Snapshot before = dev.tayori.Snapshot.of(world);
        TestWorld.CliResult result = world.cli("send-due");
        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertTrue(result.err().contains("cannot fetch the feed URL"), result.err());
        assertFalse((result.out() + result.err()).contains("Zq9-feed-key"), result.out() + result.err());
        assertEquals(0, world.received().size(), "no issue half built");
        assertEquals(before.mailsReceived(), dev.tayori.Snapshot.of(world).mailsReceived());
    }

    @Test
    void aLeftOutItemOfAFeedWithATokenIsNamedWithoutTheToken() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = rss("https://kokoro.example.jp/", good(), item("危ないリンクの記事", "javascript:alert(1)", MONDAY))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        server.createContext("/feed/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            world.env().put("TAYORI_ARTICLES_FEED", "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/?token=Zq9-feed-key");
            world.clock.set(SLOT);
            TestWorld.CliResult result = world.cli("send-due");
            assertEquals(1, result.exitCode(), result.out() + result.err());
            assertTrue(result.err().contains("/feed/?token=***: item 2 '危ないリンクの記事' was left out"), result.err());
            assertFalse((result.out() + result.err()).contains("Zq9-feed-key"), result.out() + result.err());
            assertOnlyHttpsLinks(theIssue(), "javascript:alert(1)");
        } finally {
            server.stop(0);
        }
    }
}
