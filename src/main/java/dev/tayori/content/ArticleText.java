package dev.tayori.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An article's readable text: markup, images, captions, scripts and the like removed, entities
 * decoded, blocks on lines of their own. Japanese has no spaces between words, so block boundaries
 * become line breaks, never spaces.
 */
public final class ArticleText {
    private static final String DROPPED = "script, style, noscript, iframe, img, picture, svg, video, audio, "
            + "figcaption, form, button, input, select, textarea, template, object, embed";
    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "br", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "blockquote", "pre", "section", "article", "figure", "table", "tr", "hr",
            "header", "footer", "dd", "dt");

    private ArticleText() {
    }

    public static String plainText(String html) {
        Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
        doc.select(DROPPED).remove();
        StringBuilder out = new StringBuilder();
        append(doc.body(), out);
        return out.toString().replace('\u00A0', ' ')
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\\n *", "\n")
                .replaceAll("\\n{2,}", "\n")
                .strip();
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText().replace('\n', ' '));
            } else if (child instanceof Element element) {
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
}
