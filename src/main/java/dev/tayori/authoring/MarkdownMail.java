package dev.tayori.authoring;

import dev.tayori.authoring.AuthoringProblem.Field;
import dev.tayori.campaign.PlainText;
import dev.tayori.content.ArticleLink;
import dev.tayori.content.ContentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Checks a {@link MailSource} and makes its two parts. CommonMark, plus a box ({@code :::box} …
 * {@code :::}), a button ({@code [申し込む](https://…){.button}}) and placeholders ({@code {{name|読者さま}}}).
 * Every mistake is reported with its field and line; what is rendered anyway (for a live preview of
 * a draft with mistakes) never carries raw HTML or a link other than http(s) and mailto:.
 */
final class MarkdownMail {
    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 100_000;
    static final String ARTICLES_LINE = "{{articles}}";

    private static final Parser PARSER = Parser.builder()
            .customBlockParserFactory(new MailBox.Factory())
            .postProcessor(new ButtonLink.Maker())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    /** A checked mail: its problems (empty when it may be saved) and what it renders to anyway. */
    record Checked(List<AuthoringProblem> problems, Compiled compiled) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param outro for the newsletter's words, what follows the {{articles}} line; null when the
     *     excerpts go after the whole body
     */
    record Compiled(String subject, String preheader, Body body, Body outro) {
    }

    private MarkdownMail() {
    }

    static Checked check(MailSource source, boolean newsletter) {
        List<AuthoringProblem> problems = new ArrayList<>();
        checkLine(source.subject(), Field.SUBJECT, true, newsletter, problems);
        checkLine(source.preheader(), Field.PREHEADER, false, newsletter, problems);
        String markdown = source.bodyMarkdown();
        if (markdown.isBlank()) {
            problems.add(AuthoringProblem.of(Field.BODY, 0, Reason.BODY_EMPTY));
        }
        if (markdown.length() > MAX_BODY) {
            problems.add(AuthoringProblem.of(Field.BODY, 0, Reason.BODY_TOO_LONG));
            markdown = markdown.substring(0, MAX_BODY);
        }
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            int control = PlainText.firstControl(line);
            int hidden = PlainText.firstHidden(line);
            if (control >= 0) {
                problems.add(AuthoringProblem.of(Field.BODY, i + 1, Reason.CONTROL_CHARACTER, PlainText.name(control)));
            } else if (hidden >= 0) {
                problems.add(AuthoringProblem.of(Field.BODY, i + 1, Reason.HIDDEN_CHARACTER, PlainText.name(hidden)));
            }
        }
        int articlesAt = -1;
        if (newsletter) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].strip().equals(ARTICLES_LINE)) {
                    if (articlesAt >= 0) {
                        problems.add(AuthoringProblem.of(Field.BODY, i + 1, Reason.ARTICLES_NOT_ALONE));
                    } else {
                        articlesAt = i;
                    }
                }
            }
        }
        Body body;
        Body outro = null;
        if (articlesAt < 0) {
            body = body(markdown, 1, newsletter, problems);
        } else {
            body = body(String.join("\n", java.util.Arrays.copyOfRange(lines, 0, articlesAt)), 1, newsletter, problems);
            outro = body(String.join("\n", java.util.Arrays.copyOfRange(lines, articlesAt + 1, lines.length)),
                    articlesAt + 2, newsletter, problems);
        }
        return new Checked(List.copyOf(problems), new Compiled(source.subject().strip(), source.preheader().strip(), body, outro));
    }

    private static void checkLine(String text, Field field, boolean required, boolean newsletter,
            List<AuthoringProblem> problems) {
        if (required && PlainText.looksBlank(text)) {
            problems.add(AuthoringProblem.of(field, 0, Reason.SUBJECT_EMPTY));
        }
        int control = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r').findFirst().orElse(-1);
        if (control >= 0) {
            problems.add(AuthoringProblem.of(field, 0, Reason.CONTROL_CHARACTER, PlainText.name(control)));
        }
        int hidden = PlainText.firstHidden(text);
        if (hidden >= 0) {
            problems.add(AuthoringProblem.of(field, 0, Reason.HIDDEN_CHARACTER, PlainText.name(hidden)));
        }
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            problems.add(AuthoringProblem.of(field, 0, field == Field.SUBJECT ? Reason.SUBJECT_LINE_BREAK
                    : Reason.PREHEADER_LINE_BREAK));
        }
        if (text.strip().length() > MAX_SUBJECT) {
            problems.add(AuthoringProblem.of(field, 0, field == Field.SUBJECT ? Reason.SUBJECT_TOO_LONG
                    : Reason.PREHEADER_TOO_LONG));
        }
        // A preheader is shown before the mail is opened, the same for everyone: no placeholders.
        Set<Placeholder> allowed = field == Field.SUBJECT ? Placeholder.allowed(newsletter, false) : Set.of();
        Placeholders.tokenize(text, 0, field, allowed, problems);
    }

    private static Body body(String markdown, int firstLine, boolean newsletter, List<AuthoringProblem> problems) {
        List<AuthoringProblem> found = new ArrayList<>();
        Placeholders.Tokenized tokenized = Placeholders.tokenize(markdown, firstLine, Field.BODY,
                Placeholder.allowed(newsletter, false), found);
        for (AuthoringProblem p : found) {
            boolean articles = newsletter && p.reason() == Reason.PLACEHOLDER_NOT_HERE && p.detail().contains("articles");
            problems.add(articles ? AuthoringProblem.of(Field.BODY, p.line(), Reason.ARTICLES_NOT_ALONE) : p);
        }
        Node document = PARSER.parse(tokenized.text());
        document.accept(new Checks(firstLine, problems));
        return new Body(HtmlPart.render(document), TextPart.render(document), tokenized.uses());
    }

    /** What the parser found that a mail written in a browser may not carry, by line. */
    private static final class Checks extends AbstractVisitor {
        private final int firstLine;
        private final List<AuthoringProblem> problems;

        Checks(int firstLine, List<AuthoringProblem> problems) {
            this.firstLine = firstLine;
            this.problems = problems;
        }

        private int line(Node node) {
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.getSourceSpans().isEmpty()) {
                    return firstLine + n.getSourceSpans().get(0).getLineIndex();
                }
            }
            return 0;
        }

        private void problem(Node node, Reason reason, String detail) {
            int line = line(node);
            AuthoringProblem last = problems.isEmpty() ? null : problems.get(problems.size() - 1);
            if (last != null && last.line() == line && last.reason() == reason && reason == Reason.RAW_HTML) {
                return; // <b>…</b> on one line is one mistake to fix, not two
            }
            problems.add(AuthoringProblem.of(Field.BODY, line, reason, detail));
        }

        @Override
        public void visit(HtmlBlock html) {
            problem(html, Reason.RAW_HTML, shorten(html.getLiteral().strip()));
        }

        @Override
        public void visit(HtmlInline html) {
            problem(html, Reason.RAW_HTML, shorten(html.getLiteral()));
        }

        @Override
        public void visit(Link link) {
            String accepted = acceptedLink(link, link.getDestination(), true);
            link.setDestination(accepted);
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            image.setDestination(acceptedLink(image, image.getDestination(), false));
            visitChildren(image);
        }

        /** The link as it may go out, or "" (no link at all) with a problem recorded. */
        private String acceptedLink(Node node, String destination, boolean mailtoAllowed) {
            if (destination.indexOf(Placeholders.OPEN) >= 0) {
                problem(node, Reason.PLACEHOLDER_IN_LINK, "{{…}}");
                return "";
            }
            if (mailtoAllowed && destination.regionMatches(true, 0, "mailto:", 0, 7)) {
                String address = destination.substring(7);
                if (address.matches("[^\\s\"<>\\\\`@?]+@[^\\s\"<>\\\\`@?]+(\\?[^\\s\"<>\\\\`]*)?")) {
                    return "mailto:" + address;
                }
                problem(node, Reason.LINK_REFUSED, shorten(destination));
                return "";
            }
            try {
                return ArticleLink.accept(destination, null);
            } catch (ContentException e) {
                problem(node, mailtoAllowed ? Reason.LINK_REFUSED : Reason.IMAGE_REFUSED,
                        destination.isBlank() ? "（空）" : shorten(destination));
                return "";
            }
        }

        @Override
        public void visit(Text text) {
            String literal = text.getLiteral();
            if (literal.contains(ButtonLink.MARK)) {
                problem(text, Reason.BUTTON_MISPLACED, "");
            }
            boolean startsLine = text.getPrevious() == null || text.getPrevious() instanceof SoftLineBreak;
            if (startsLine && literal.strip().startsWith(":::")) {
                problem(text, MailBox.opens(literal) ? Reason.BOX_NESTED : Reason.BOX_STRAY, "");
            }
        }

        @Override
        public void visit(CustomBlock block) {
            if (block instanceof MailBox box && !box.closed) {
                problem(box, Reason.BOX_UNCLOSED, "");
            }
            visitChildren(block);
        }

        private static String shorten(String text) {
            String oneLine = text.replace('\n', ' ');
            return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
        }
    }
}
