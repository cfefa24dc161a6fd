package dev.tayori.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Excerpts end at a sentence end, within the length, and never break a character, tag or entity. */
class ExcerptsTest {
    private static final String ENDS = "。！？!?」』）)\"'】";

    static void assertWellFormed(String excerpt, int max) {
        int length = excerpt.codePointCount(0, excerpt.length());
        assertTrue(length <= max + 1, length + " code points: " + excerpt);
        assertFalse(excerpt.contains("\uFFFD"), excerpt);
        // the source markup's tags; "<script>" written as text in an article is text and stays
        assertFalse(excerpt.matches("(?s).*<(/|p[ >]|img|br|figure|figcaption|h2|strong|em|ul|li|a ).*"), "no tags: " + excerpt);
        assertFalse(excerpt.matches("(?s).*&(#\\d+|[a-z]+);.*"), "no entities: " + excerpt);
        for (int i = 0; i < excerpt.length(); i++) {
            char c = excerpt.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < excerpt.length() && Character.isLowSurrogate(excerpt.charAt(i + 1)), "split pair");
            }
            if (Character.isLowSurrogate(c)) {
                assertTrue(i > 0 && Character.isHighSurrogate(excerpt.charAt(i - 1)), "lone low surrogate");
            }
        }
        String last = new String(Character.toChars(excerpt.codePointBefore(excerpt.length())));
        assertTrue(ENDS.contains(last) || last.equals("…") || excerpt.endsWith(".") , "ends at a sentence end: " + excerpt);
    }

    @Test
    void everyExcerptOfTheFeedAndTheShippedArticlesIsWellFormed() {
        List<Article> all = new ArrayList<>(new ArticleFeed(ArticleFeedTest.WORDPRESS.toString()).articles());
        all.addAll(new ArticleFiles(Path.of("articles")).articles());
        assertTrue(all.size() >= 12);
        for (int max : new int[] {40, 80, 150, 300}) {
            for (Article a : all) {
                assertWellFormed(Excerpts.excerpt(a.html(), max), max);
            }
        }
    }

    @Test
    void wholeSentencesAreKeptWhileTheyFit() {
        String html = "<p>一つ目の文です。二つ目の文です！三つ目の文はここで終わります？</p>";
        assertEquals("一つ目の文です。二つ目の文です！", Excerpts.excerpt(html, 20));
        assertEquals("一つ目の文です。", Excerpts.excerpt(html, 10));
    }

    @Test
    void aClosingBracketAfterTheSentenceEndStaysWithIt() {
        assertEquals("彼は「もう大丈夫。」", Excerpts.excerpt("<p>彼は「もう大丈夫。」と言いました。そして帰りました。</p>", 12));
    }

    @Test
    void aFirstSentenceTooLongIsCutAtAClauseWithAnEllipsis() {
        String excerpt = Excerpts.excerpt(new ArticleFeed(ArticleFeedTest.WORDPRESS.toString()).articles().get(2).html(), 60);
        assertTrue(excerpt.endsWith("、…") || excerpt.endsWith("…"), excerpt);
        assertTrue(excerpt.codePointCount(0, excerpt.length()) <= 61, excerpt);
        assertTrue(excerpt.startsWith("休日なのに、"), excerpt);
    }

    @Test
    void aCharacterOutsideTheBmpAtTheLimitIsNeverSplit() {
        String html = "<p>" + "あ".repeat(9) + "𠮷" + "い".repeat(20) + "</p>";
        for (int max = 8; max <= 14; max++) {
            String excerpt = Excerpts.excerpt(html, max);
            assertWellFormed(excerpt, max);
        }
    }

    @Test
    void escapedMarkupInTheTextComesOutAsCharactersForTheTemplateToEscape() {
        String excerpt = Excerpts.excerpt("<p>記号 &lt;script&gt; もそのまま読めます。</p>", 150);
        assertEquals("記号 <script> もそのまま読めます。", excerpt);
    }

    // --- From real WordPress markup (issue 11, item 13) ---

    static final Path GUTENBERG = Path.of("src/test/resources/content/wordpress-gutenberg.html");

    private static String gutenberg() {
        try {
            return java.nio.file.Files.readString(GUTENBERG);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aGutenbergArticleWithATocHeadingsCaptionsAndCodeStartsWithItsFirstSentence() {
        String excerpt = Excerpts.excerpt(gutenberg(), 150);
        assertTrue(excerpt.startsWith("「人に頼るのが苦手なんです」という相談を、"), excerpt);
        for (String notBodyText : List.of("目次", "はじめに", "非表示", "写真", "夕暮れ", "湯気", "温かい飲み物", "深呼吸",
                "youtube", "gallery", "caption", "wp:", "[", "]", "dataLayer", "font-size", "共有", "Twitter")) {
            assertFalse(excerpt.contains(notBodyText), notBodyText + " in: " + excerpt);
        }
        assertWellFormed(excerpt, 150);
    }

    @Test
    void aBrInsideASentenceIsALineBreakNotASentenceEnd() {
        String excerpt = Excerpts.excerpt(gutenberg(), 150);
        assertTrue(excerpt.contains("つらいときほど誰かに頼っていいのです。"), excerpt);
        assertFalse(excerpt.contains("つらいときほど。"), excerpt);
        assertEquals("This is one sentence. それでいいのです。",
                Excerpts.excerpt("<p>This is one<br>sentence. それでいいのです。</p>", 150), "Latin words keep a space");
        assertEquals("一段落目です。二段落目です。", Excerpts.excerpt("<p>一段落目です<br><br>二段落目です</p>", 150),
                "two <br> in a row are a paragraph break, as the classic editor writes one");
    }

    @Test
    void anAsciiQuoteAfterASentenceEndOpensTheNextSentenceAndIsNotKept() {
        String html = "<p>今日は休みましょう。\"明日\" のことは明日考えればいいのです。</p>";
        assertEquals("今日は休みましょう。", Excerpts.excerpt(html, 15));
        assertEquals("彼は“もう大丈夫。”", Excerpts.excerpt("<p>彼は“もう大丈夫。”と言いました。そして帰りました。</p>", 12),
                "a typographic closing quote, as WordPress writes it, still closes");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "<div id=\"toc_container\" class=\"no_bullets\"><p class=\"toc_title\">目次</p><ul><li>はじめに</li></ul></div>",
            "<div class=\"wp-block-table-of-contents\"><ol><li><a href=\"#a\">はじめに</a></li></ol></div>",
            "<nav class=\"toc\"><p>目次</p><ol><li>はじめに</li></ol></nav>",
            "<div id=\"ez-toc-container\" class=\"ez-toc-v2_0_68 counter-hierarchy\"><div class=\"ez-toc-title-container\"><p class=\"ez-toc-title\">目次</p></div><nav><ul><li>はじめに</li></ul></nav></div>",
            "<div id=\"toc\" class=\"toc tnt-number toc-center\"><div class=\"toc-title\">目次</div><ol><li>はじめに</li></ol></div>",
            "<div class=\"toc\"><p>目次</p><ul><li>はじめに</li></ul></div>",
            "[toc]",
            "<h2>はじめに</h2>",
            "<h1>はじめに</h1><h3>目次</h3><h6>はじめに</h6>"})
    void aTableOfContentsOrAHeadingIsNotExcerptText(String block) {
        String html = "<!-- wp:html -->" + block + "<!-- /wp:html --><p>本文の最初の文です。二つ目の文です。</p>";
        assertEquals("本文の最初の文です。二つ目の文です。", Excerpts.excerpt(html, 150));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "[caption id=\"attachment_9\" align=\"alignnone\" width=\"300\"]<img src=\"a.jpg\" alt=\"\"> 写真の説明です。[/caption]",
            "[embed]https://www.youtube.com/watch?v=abc[/embed]",
            "[gallery ids=\"1,2,3\"]",
            "<figure class=\"wp-block-image\"><img src=\"a.jpg\"><figcaption>写真の説明です。</figcaption></figure>",
            "<pre class=\"wp-block-code\"><code>echo 写真の説明です。</code></pre>",
            "<script>document.write('写真の説明です。')</script><style>p{color:red}</style>",
            "<!-- wp:paragraph -->"})
    void shortcodesFiguresCodeScriptsAndCommentsNeverReachAnExcerpt(String block) {
        String html = "<p>本文の最初の文です。</p>" + block + "<p>二つ目の文です。</p>";
        assertEquals("本文の最初の文です。二つ目の文です。", Excerpts.excerpt(html, 150));
    }

    @Test
    void aThemeShortcodeAroundBodyTextLeavesTheText() {
        assertEquals("囲みの中も本文です。", Excerpts.excerpt("<p>[box class=\"blue_box\"]囲みの中も本文です。[/box]</p>", 150));
        assertEquals("【PR】[注] もそのまま読めます。", Excerpts.excerpt("<p>【PR】[注] もそのまま読めます。</p>", 150));
    }

    @Test
    void aCutNeverFallsInsideAFlagAFamilyEmojiOrAVoicedMark() {
        String[] clusters = {"🇯🇵", "👨\u200D👩\u200D👧", "❤\uFE0F", "👍🏽", "か\u3099"};
        for (String cluster : clusters) {
            String html = "<p>" + "あ".repeat(5) + cluster.repeat(12) + "</p>";
            for (int max = 7; max <= 20; max++) {
                String excerpt = Excerpts.excerpt(html, max);
                assertWellFormed(excerpt, max);
                String body = excerpt.substring(5, excerpt.length() - 1); // after あああああ, before …
                assertEquals(0, body.replace(cluster, "").length(), "cut inside " + cluster + " at " + max + ": " + excerpt);
            }
        }
    }
}
