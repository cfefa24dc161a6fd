package dev.tayori.health;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tayori.TestWorld;
import dev.tayori.delivery.SendReport;
import dev.tayori.subscriber.ConsentRecord;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blog's feed, served over real HTTP, failing on the Tuesday 07:00 slot: the dashboard says since
 * when and why until a run reads it; then the issue goes out and the warning is gone.
 */
class FeedFailureWarningTest {
    static final Instant SLOT = tokyo(2026, 12, 1, 7, 0);
    static final String TOKEN = "s3cr3t-feed-token";

    @TempDir
    Path dir;
    TestWorld world;
    SignedInDashboard dashboard;
    HttpServer blog;
    volatile int status;
    volatile String body;

    @BeforeEach
    void start() throws Exception {
        blog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        blog.createContext("/feed/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        blog.start();
        world = new TestWorld(dir, tokyo(2026, 11, 30, 12, 0));
        // only the newsletter: the workbook's lessons have nothing to do with the feed
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.copy(Path.of("campaigns/newsletter.yaml"), campaigns.resolve("newsletter.yaml"));
        world.env().put("TAYORI_CAMPAIGNS_DIR", campaigns.toString());
        world.env().put("TAYORI_ARTICLES_FEED", "http://127.0.0.1:" + blog.getAddress().getPort() + "/feed/?token=" + TOKEN);
        dashboard = new SignedInDashboard(world);
        Instant at = tokyo(2026, 11, 29, 9, 0);
        world.app().subscribers().addConfirmed("reader@example.jp", "",
                ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
        world.app().dueWork().run(world.clock.instant()); // the newsletter is seen here from now on
    }

    @AfterEach
    void stop() {
        dashboard.close();
        world.close();
        blog.stop(0);
    }

    private SendReport runAt(Instant at) {
        world.clock.set(at);
        return world.app().dueWork().run(at);
    }

    private String feedWarning() throws Exception {
        String page = dashboard.page();
        int at = page.indexOf("id=\"warning-feed-failed\"");
        return at < 0 ? "" : page.substring(at, page.indexOf("</li>", at));
    }

    private static String goodFeed() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>こころの相談室ブログ</title><link>https://kokoro.example.jp/</link><description>d</description>"
                + "<item><title>今週のコラム</title><link>https://kokoro.example.jp/columns/this-week/</link>"
                + "<pubDate>Sun, 29 Nov 2026 21:00:00 +0000</pubDate>"
                + "<content:encoded><![CDATA[<p>今週のコラムの本文です。続きもあります。</p>]]></content:encoded></item>"
                + "</channel></rss>\n";
    }

    @Test
    void aFeedAnswering500ThenBrokenXmlIsWarnedAboutSinceItsFirstFailureUntilAReadWorks() throws Exception {
        assertEquals("", feedWarning());

        status = 500;
        body = "Internal Server Error";
        SendReport failed = runAt(SLOT);
        assertTrue(failed.warnings().toString().contains("answered HTTP 500"), failed.warnings().toString());
        String warning = feedWarning();
        assertTrue(warning.contains("ブログのフィードを読めません（12月1日(火) 07:00から）。"
                + "ブログのサーバーがエラー（HTTP 500）を返しました。"), warning);
        assertTrue(warning.contains("articles.feed（いまは http://127.0.0.1:" + blog.getAddress().getPort()
                + "/feed/?token=***）"), warning);
        assertFalse(dashboard.page().contains(TOKEN), "the feed's token is not on the page");
        assertFalse(world.app().jdbi().withHandle(h -> h.createQuery("SELECT feed FROM feed_failures")
                .mapTo(String.class).one()).contains(TOKEN), "nor in the database");

        status = 200;
        body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>壊れた";
        runAt(tokyo(2026, 12, 1, 7, 5));
        warning = feedWarning();
        assertTrue(warning.contains("（12月1日(火) 07:00から）"), "still since the first failure: " + warning);
        assertTrue(warning.contains("RSSやAtomとして読めません"), "the reason is the latest: " + warning);
        assertEquals(0, world.received().size(), "no issue from a feed that cannot be read");

        body = goodFeed();
        SendReport read = runAt(tokyo(2026, 12, 1, 7, 10));
        assertEquals(1, read.of("newsletter").planned, read.warnings().toString());
        assertEquals(1, world.received().size(), "the issue went out once the feed could be read");
        assertEquals("", feedWarning(), "a read that worked clears the warning");
    }
}
