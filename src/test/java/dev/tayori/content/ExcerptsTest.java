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
}
