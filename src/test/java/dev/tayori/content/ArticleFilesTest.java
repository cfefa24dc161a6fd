package dev.tayori.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown articles with front matter; a broken file is reported with its line. */
class ArticleFilesTest {
    @TempDir
    Path dir;

    @Test
    void theShippedArticlesLoadNewestFirst() {
        List<Article> articles = new ArticleFiles(Path.of("articles")).articles();
        assertTrue(articles.size() >= 8, articles.size() + " articles");
        for (int i = 1; i < articles.size(); i++) {
            assertTrue(!articles.get(i).published().isAfter(articles.get(i - 1).published()));
        }
        assertTrue(articles.get(0).html().contains("<p>"), "Markdown is rendered to HTML");
    }

    @Test
    void everyBrokenFileIsReportedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("a.md"), "---\ntitle: 一つ目\nurl: https://kokoro.example.jp/a/\npublished: 2026-13-01\n---\n本文");
        Files.writeString(dir.resolve("b.md"), "---\ntitle: 二つ目\nurl: https://kokoro.example.jp/b/\npublished: 2026-11-20T06:00+09:00\nauthor: x\n---\n本文");
        Files.writeString(dir.resolve("c.md"), "---\ntitle: 三つ目\npublished: 2026-11-20T06:00+09:00\n---\n本文");
        ContentException e = assertThrows(ContentException.class, () -> new ArticleFiles(dir).articles());
        String message = e.getMessage();
        assertTrue(message.contains(dir.resolve("a.md") + ":4: published '2026-13-01'"), message);
        assertTrue(message.contains(dir.resolve("b.md") + ":5: unknown key 'author'"), message);
        assertTrue(message.contains(dir.resolve("c.md") + ":2: 'url' is missing"), message);
    }

    @Test
    void aMissingFolderIsNamed() {
        ContentException e = assertThrows(ContentException.class, () -> new ArticleFiles(dir.resolve("nope")).articles());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void tagsAndThePublishedInstantAreRead() throws Exception {
        Files.writeString(dir.resolve("a.md"), "---\ntitle: 題\nurl: https://kokoro.example.jp/a/\npublished: 2026-11-20T06:00+09:00\ntags: [家族, 職場]\n---\n本文です。");
        Article a = new ArticleFiles(dir).articles().get(0);
        assertEquals(List.of("家族", "職場"), a.tags());
        assertEquals(java.time.Instant.parse("2026-11-19T21:00:00Z"), a.published());
    }
}
