package dev.tayori.content;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An article's body text, the sentences a reader reads: markup, images, captions, scripts, code,
 * headings, tables of contents, shortcodes and the like removed, entities decoded, blocks on lines
 * of their own. Japanese has no spaces between words, so block boundaries become line breaks, never
 * spaces, and a {@code <br>} inside a sentence joins its two halves (it is a line break the writer
 * chose for the blog's layout, not the end of a sentence).
 */
public final class ArticleText {
    /** Never body text. HTML comments (Gutenberg's <!-- wp:paragraph -->) are not text nodes: never read. */
    private static final String DROPPED = "script, style, noscript, iframe, img, picture, svg, video, audio, "
            + "figure, figcaption, form, button, input, select, textarea, template, object, embed, pre, "
            + "h1, h2, h3, h4, h5, h6, nav, "
            // tables of contents as the common plugins and Japanese themes write them
            + "#toc_container, .toc_container, .wp-block-table-of-contents, #ez-toc-container, .ez-toc-container, "
            + "#toc, .toc, .lwptoc, #rtoc-mokuji-wrapper, .rtoc-mokuji-content, .p-toc, .toc-container, "
            // buttons, share links and related posts that Jetpack and themes append to the feed
            + ".wp-block-buttons, .wp-block-button, .sharedaddy, #jp-relatedposts, .jp-relatedposts";
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "blockquote", "section",
            "article", "table", "tr", "hr", "header", "footer", "dd", "dt", "aside", "main");
    /** Marks a {@code <br>} until white space is settled; U+2028 never occurs in decoded article text we keep. */
    private static final char SOFT_BREAK = '\u2028';

    private ArticleText() {
    }

    public static String plainText(String html) {
        Document doc = Jsoup.parseBodyFragment(Shortcodes.strip(html == null ? "" : html));
        doc.select(DROPPED).remove();
        StringBuilder out = new StringBuilder();
        append(doc.body(), out);
        String text = out.toString().replace('\u00A0', ' ')
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\\u2028 *", "\u2028")
                // two <br> in a row are how the classic editor writes a paragraph break
                .replaceAll("\\u2028{2,}", "\n");
        return joinSoftBreaks(text)
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{2,}", "\n")
                .strip();
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText().replace('\n', ' ').replace(SOFT_BREAK, ' '));
            } else if (child instanceof Element element) {
                if (element.normalName().equals("br")) {
                    out.append(SOFT_BREAK);
                    continue;
                }
                boolean block = BLOCKS.contains(element.normalName());
                if (block) {
                    out.append('\n');
                }
                append(element, out);
                if (block) {
                    out.append('\n');
                }
            }
        }
    }

    /** A single line break joins without a space in Japanese, with one between two Latin words. */
    private static String joinSoftBreaks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != SOFT_BREAK) {
                out.append(c);
                continue;
            }
            boolean latinBefore = out.length() > 0 && isLatin(out.charAt(out.length() - 1));
            boolean latinAfter = i + 1 < text.length() && isLatin(text.charAt(i + 1));
            if (latinBefore && latinAfter) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static boolean isLatin(char c) {
        return c < 0x3000 && Character.isLetterOrDigit(c) || c == ',' || c == '.';
    }
}
