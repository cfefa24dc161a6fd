package dev.tayori.content;

import static dev.tayori.TestWorld.tokyo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tayori.Snapshot;
import dev.tayori.TestWorld;
import dev.tayori.delivery.SendReport;
import dev.tayori.subscriber.ConsentRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An article file's url as a careless copy-paste writes it. Files have no address of their own to
 * resolve against, and they are the operator's to fix: the folder is refused with file:line of the
 * url key, and the issue waits (nothing recorded, nothing sent) until the file is fixed.
 */
class HostileArticleFilesTest {
    static final Instant SLOT = tokyo(2026, 12, 1, 7, 0);

    @TempDir
    Path dir;
    Path articles;
    TestWorld world;

    @BeforeEach
    void start() throws IOException {
        world = new TestWorld(dir, tokyo(2026, 11, 30, 12, 0));
        Path campaigns = Files.createDirectories(dir.resolve("campaigns"));
        Files.copy(Path.of("campaigns/newsletter.yaml"), campaigns.resolve("newsletter.yaml"));
        world.env().put("TAYORI_CAMPAIGNS_DIR", campaigns.toString());
        articles = Files.createDirectories(dir.resolve("articles"));
        world.env().put("TAYORI_ARTICLES_DIR", articles.toString());
        Instant at = tokyo(2026, 11, 29, 9, 0);
        world.app().subscribers().addConfirmed("reader@example.jp", "",
                ConsentRecord.of("recorded-by-operator", at, "test", "test"), at);
        world.app().dueWork().run(world.clock.instant());
        Files.writeString(articles.resolve("good.md"), """
                ---
                title: 良い記事
                url: https://kokoro.example.jp/columns/good/
                published: 2026-11-30T06:00+09:00
                ---
                本文です。
                """);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    static Stream<String> badUrls() {
        return Stream.of("javascript:alert('evil')", "'JavaScript:alert(1)'", "\"java\\tscript:alert(1)\"",
                "/columns/relative/", "columns/relative/", "//evil.example/columns/", "https:evil.example/",
                "https://kokoro.example.jp@evil.example/", "\"https://kokoro.example.jp/a b/\"",
                "data:text/html,evil", "mailto:evil@example.com", "file:///etc/passwd",
                "\"https://kokoro.example.jp/\\u202Eevil\"");
    }

    @ParameterizedTest
    @MethodSource("badUrls")
    void aFileWhoseUrlIsNotAWholeHttpsAddressIsRefusedWithFileAndLineAndNothingIsRecorded(String url)
            throws IOException {
        Path broken = Files.writeString(articles.resolve("broken.md"), "---\ntitle: 壊れた記事\npublished: "
                + "2026-11-30T07:00+09:00\nurl: " + url + "\n---\n本文です。\n");
        Snapshot before = Snapshot.of(world);
        world.clock.set(SLOT);
        SendReport report = world.app().dueWork().run(SLOT);
        assertEquals(1, report.warnings().size(), report.warnings().toString());
        String warning = report.warnings().get(0);
        assertTrue(warning.contains(broken + ":4: url refused: its link"), warning);
        assertTrue(warning.contains("the next run tries again"), warning);
        assertEquals(before, Snapshot.of(world), "nothing recorded, nothing sent");
    }
}
