package dev.tayori.authoring;

import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.Sequence;
import dev.tayori.config.Sender;
import dev.tayori.render.MailModel;
import dev.tayori.render.TemplateProblem;
import dev.tayori.render.Templates;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The words the editor opens for a mail never written in the browser: the file's subject, and its
 * HTML template rendered and read back as Markdown (paragraphs, headings, lists, links, the tinted
 * box), with the reader's name as {{name|読者}}. A start to edit from, not an exact copy: the template
 * stays what is sent until the operator publishes.
 */
final class FileStart {
    private static final String NAME_MARK = "TAYORI-READER-NAME";
    private final Templates templates;
    private final Sender sender;
    private final String baseUrl;

    FileStart(Templates templates, Sender sender, String baseUrl) {
        this.templates = templates;
        this.sender = sender;
        this.baseUrl = baseUrl;
    }

    static Map<String, Object> sampleIssue() {
        return Map.of("number", 12, "date", "2026年11月24日（火）", "reread", false, "articles", List.of(
                Map.of("title", "（記事のタイトル）", "url", "https://example.jp/", "excerpt",
                        "ここに記事の抜粋が入ります。実際の号では、前の号のあとに公開された記事が並びます。",
                        "published", "2026年11月23日（月）", "reread", false)));
    }

    MailSource of(Campaign campaign, int step) {
        if (campaign instanceof Newsletter newsletter) {
            String subject = newsletter.subject().replace("${issue.number}", "{{number}}").replace("${issue.date}", "{{date}}");
            return new MailSource(subject, "", "{{name|}}おはようございます。新しいコラムのご案内です。\n\n"
                    + MarkdownMail.ARTICLES_LINE + "\n\n次号は数日後にお届けします。どうぞよい一日を。\n");
        }
        String subject;
        String template;
        Map<String, Object> model = MailModel.of(sender, NAME_MARK, "reader@example.jp", baseUrl + "/unsubscribe/START",
                baseUrl, "");
        if (campaign instanceof Sequence sequence) {
            subject = sequence.step(step).subject();
            template = sequence.step(step).template();
            model.put("step", Map.of("number", step, "total", sequence.size()));
        } else if (campaign instanceof Announcement announcement && announcement.template() != null) {
            subject = announcement.subject();
            template = announcement.template();
        } else {
            return new MailSource("", "", "");
        }
        try {
            String html = templates.render(template + Templates.HTML, model);
            return new MailSource(subject, "", markdown(html).replace(NAME_MARK, "{{name|読者}}"));
        } catch (TemplateProblem e) {
            return new MailSource(subject, "", "");
        }
    }

    /** The layout's white card (the mail's own words), as Markdown. */
    static String markdown(String html) {
        Element body = Jsoup.parse(html).body();
        Element card = body.selectFirst("div[style*=background:#ffffff]");
        StringBuilder out = new StringBuilder();
        blocks(card != null ? card : body, out);
        return out.toString().replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    private static void blocks(Element parent, StringBuilder out) {
        for (Element e : parent.children()) {
            switch (e.tagName()) {
                case "h1", "h2", "h3" -> out.append("#".repeat(e.tagName().charAt(1) - '0')).append(' ')
                        .append(inline(e)).append("\n\n");
                case "ul", "ol" -> {
                    int n = 1;
                    for (Element li : e.children()) {
                        out.append(e.tagName().equals("ol") ? n++ + ". " : "- ").append(inline(li)).append('\n');
                    }
                    out.append('\n');
                }
                case "div" -> {
                    if (e.attr("style").contains("background")) {
                        Element first = e.children().first();
                        boolean titled = first != null && first.tagName().equals("p")
                                && first.attr("style").contains("font-weight:bold");
                        out.append(":::box").append(titled ? " " + first.text() : "").append('\n');
                        if (titled) {
                            first.remove();
                        }
                        blocks(e, out);
                        out.append(":::\n\n");
                    } else {
                        blocks(e, out);
                    }
                }
                default -> out.append(inline(e)).append("\n\n");
            }
        }
    }

    private static String inline(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                out.append(text.text());
            } else if (node instanceof Element e) {
                switch (e.tagName()) {
                    case "a" -> out.append('[').append(inline(e)).append("](").append(e.attr("href")).append(')');
                    case "strong", "b" -> out.append("**").append(inline(e)).append("**");
                    case "em", "i" -> out.append('*').append(inline(e)).append('*');
                    case "br" -> out.append('\n');
                    default -> out.append(inline(e));
                }
            }
        }
        return out.toString().strip();
    }
}
