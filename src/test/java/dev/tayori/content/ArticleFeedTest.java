package dev.tayori.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A feed as WordPress publishes it, from a file and over HTTP. */
class ArticleFeedTest {
    static final Path WORDPRESS = Path.of("src/test/resources/content/wordpress-feed.xml");

    @Test
    void aWordPressFeedParsesNewestFirstWithCategoriesAsTags() {
        List<Article> articles = new ArticleFeed(WORDPRESS.toString()).articles();
        assertEquals(4, articles.size());
        Article first = articles.get(0);
        assertEquals("「ちゃんとしなきゃ」を手放す練習", first.title());
        assertEquals("https://kokoro.example.jp/columns/chanto/", first.url());
        assertEquals(Instant.parse("2026-11-26T21:00:00Z"), first.published());
        assertEquals(List.of("セルフケア", "考え方"), first.tags());
        assertEquals("名前を呼ばれるということ", articles.get(1).title());
        assertTrue(first.html().contains("<h2"), "the full text from content:encoded, not the teaser");
    }

    @Test
    void theTextHasNoScriptCaptionImageOrEntityLeft() {
        String text = ArticleText.plainText(new ArticleFeed(WORDPRESS.toString()).articles().get(0).html());
        assertFalse(text.contains("dataLayer"), text);
        assertFalse(text.contains("写真：片づけきれない机"), "captions are not article text");
        assertFalse(text.contains("散らかった机の写真"), "image alt text is not article text");
        assertFalse(text.contains("&#8220;") || text.contains("&nbsp;") || text.contains("&amp;"), text);
        assertTrue(text.contains("\u201C毎日自炊する\u201D"), text);
        assertTrue(text.contains("🌱"));
    }

    @Test
    void anAtomFeedParsesToo() {
        List<Article> articles = new ArticleFeed("src/test/resources/content/atom-feed.xml").articles();
        assertEquals(1, articles.size());
        assertEquals("https://kokoro.example.jp/columns/shinkokyu/", articles.get(0).url());
        assertEquals(List.of("セルフケア"), articles.get(0).tags());
    }

    @Test
    void aFeedIsFetchedOverHttpAndAnErrorNamesTheUrl() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = Files.readAllBytes(WORDPRESS);
        server.createContext("/feed/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/missing/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertEquals(4, new ArticleFeed(base + "/feed/").articles().size());
            ContentException notFound = assertThrows(ContentException.class,
                    () -> new ArticleFeed(base + "/missing/").articles());
            assertTrue(notFound.getMessage().contains(base + "/missing/") && notFound.getMessage().contains("404"),
                    notFound.getMessage());
        } finally {
            server.stop(0);
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closed + "/feed/";
        ContentException down = assertThrows(ContentException.class, () -> new ArticleFeed(unreachable).articles());
        assertTrue(down.getMessage().contains("cannot fetch the feed URL " + unreachable), down.getMessage());
    }

    @Test
    void aFileThatIsNotAFeedIsReportedNotHalfRead(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path broken = dir.resolve("feed.xml");
        Files.writeString(broken, "<rss><channel><item><title>途中で切れた");
        ContentException e = assertThrows(ContentException.class, () -> new ArticleFeed(broken.toString()).articles());
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }
}
