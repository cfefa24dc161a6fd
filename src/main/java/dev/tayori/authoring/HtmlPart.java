package dev.tayori.authoring;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The HTML part of an authored mail. Every element carries its style inline (mail clients drop
 * style sheets and classes), in the look of the campaign templates; raw HTML is escaped (it is
 * also refused at save); a line break inside a paragraph is a line break, as the operator typed it.
 */
final class HtmlPart {
    private static final String LINK_COLOR = "#3d6b5a";
    static final String BOX_STYLE = "margin:0 0 16px 0;padding:16px;background:#f0f5f2;border-radius:6px;";
    static final String BUTTON_STYLE = "display:inline-block;padding:12px 28px;background:" + LINK_COLOR
            + ";color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;";
    private static final Map<String, String> STYLES = Map.ofEntries(
            Map.entry("p", "margin:0 0 16px 0;"),
            Map.entry("h1", "margin:0 0 16px 0;font-size:20px;line-height:1.5;"),
            Map.entry("h2", "margin:24px 0 12px 0;font-size:18px;line-height:1.5;"),
            Map.entry("h3", "margin:20px 0 8px 0;font-size:16px;line-height:1.5;"),
            Map.entry("h4", "margin:16px 0 8px 0;font-size:16px;"),
            Map.entry("h5", "margin:16px 0 8px 0;font-size:16px;"),
            Map.entry("h6", "margin:16px 0 8px 0;font-size:16px;"),
            Map.entry("ul", "margin:0 0 16px 0;padding-left:20px;"),
            Map.entry("ol", "margin:0 0 16px 0;padding-left:20px;"),
            Map.entry("li", "margin:0 0 6px 0;"),
            Map.entry("a", "color:" + LINK_COLOR + ";"),
            Map.entry("blockquote", "margin:0 0 16px 0;padding:0 0 0 12px;border-left:3px solid #d8d2c4;color:#555555;"),
            Map.entry("hr", "border:none;border-top:1px solid #e6e1d6;margin:24px 0;"),
            Map.entry("img", "max-width:100%;height:auto;border:0;"),
            Map.entry("pre", "margin:0 0 16px 0;padding:12px;background:#f6f4ef;white-space:pre-wrap;font-size:14px;"),
            Map.entry("code", "font-family:Menlo,Consolas,monospace;font-size:14px;"));

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .attributeProviderFactory(context -> new Styles())
            .nodeRendererFactory(Custom::new)
            .build();

    private HtmlPart() {
    }

    static String render(Node document) {
        return RENDERER.render(document);
    }

    private static final class Styles implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            String style = STYLES.get(tagName);
            if (style != null) {
                attributes.put("style", style);
            }
        }
    }

    /** The box and the button, which CommonMark does not know. */
    private static final class Custom implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        Custom(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(MailBox.class, ButtonLink.class);
        }

        @Override
        public void render(Node node) {
            html.line();
            if (node instanceof MailBox box) {
                html.tag("div", Map.of("style", BOX_STYLE));
                if (!box.title.isEmpty()) {
                    html.tag("p", Map.of("style", "margin:0 0 8px 0;font-weight:bold;"));
                    html.text(box.title);
                    html.tag("/p");
                }
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
                html.tag("/div");
            } else if (node instanceof ButtonLink button) {
                html.tag("p", Map.of("style", "margin:24px 0;text-align:center;"));
                html.tag("a", Map.of("href", context.encodeUrl(button.link().getDestination()), "style", BUTTON_STYLE));
                for (Node child = button.link().getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
                html.tag("/a");
                html.tag("/p");
            }
            html.line();
        }
    }
}
