package dev.tayori.authoring;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * The plain-text part of an authored mail, made from the same Markdown as the HTML and written for a
 * phone: headings marked (【見出し】, ■ 見出し), each link's address on a line of its own, list items
 * with ・, the box between rules, a blank line between paragraphs, and no wrapping: a phone wraps
 * Japanese itself, and a line cut at a fixed width reads as ragged fragments on a narrow screen.
 */
final class TextPart extends AbstractVisitor {
    static final String BOX_RULE = "━━━━━━━━━━━━";
    private final StringBuilder out = new StringBuilder();
    /** The prefix of each line in the current block: list indentation, a quote mark. */
    private String indent = "";

    private TextPart() {
    }

    static String render(Node document) {
        TextPart text = new TextPart();
        document.accept(text);
        return text.out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private void blankLine() {
        if (out.length() > 0 && !endsWith("\n\n")) {
            out.append(endsWith("\n") ? "\n" : "\n\n");
        }
    }

    private void newLine() {
        if (out.length() > 0 && !endsWith("\n")) {
            out.append('\n');
        }
    }

    private boolean endsWith(String s) {
        return out.length() >= s.length() && out.substring(out.length() - s.length()).equals(s);
    }

    private void startLine() {
        if (out.length() == 0 || endsWith("\n")) {
            out.append(indent);
        }
    }

    @Override
    public void visit(Paragraph paragraph) {
        boolean tight = paragraph.getParent() instanceof ListItem;
        if (!tight) {
            blankLine();
        }
        visitChildren(paragraph);
        if (!tight) {
            blankLine();
        } else {
            newLine();
        }
    }

    @Override
    public void visit(Heading heading) {
        blankLine();
        startLine();
        out.append(heading.getLevel() == 1 ? "【" : "■ ");
        visitChildren(heading);
        if (heading.getLevel() == 1) {
            out.append("】");
        }
        blankLine();
    }

    @Override
    public void visit(Text text) {
        startLine();
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        startLine();
        out.append(code.getLiteral());
    }

    @Override
    public void visit(SoftLineBreak softLineBreak) {
        out.append('\n');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        out.append('\n');
    }

    @Override
    public void visit(Link link) {
        startLine();
        int before = out.length();
        visitChildren(link);
        String label = out.substring(before);
        String url = link.getDestination();
        String shownUrl = url.startsWith("mailto:") ? url.substring("mailto:".length()) : url;
        if (label.strip().equals(url) || label.strip().equals(shownUrl)) {
            out.setLength(before);
        } else {
            out.append('\n').append(indent);
        }
        out.append(shownUrl).append('\n');
    }

    @Override
    public void visit(Image image) {
        startLine();
        visitChildren(image); // the alt text; the picture itself has no place in plain text
    }

    @Override
    public void visit(BulletList list) {
        list(list, false);
    }

    @Override
    public void visit(OrderedList list) {
        list(list, true);
    }

    private void list(Node list, boolean ordered) {
        if (!(list.getParent() instanceof ListItem)) {
            blankLine();
        } else {
            newLine();
        }
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        String outer = indent;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            newLine();
            out.append(outer).append(ordered ? number++ + ". " : "・");
            indent = outer + "　";
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child == item.getFirstChild() && child instanceof Paragraph) {
                    visitChildren(child); // the first line follows the mark
                    newLine();
                } else {
                    child.accept(this);
                }
            }
            indent = outer;
        }
        if (!(list.getParent() instanceof ListItem)) {
            blankLine();
        }
    }

    @Override
    public void visit(BlockQuote quote) {
        blankLine();
        String outer = indent;
        indent = outer + "＞ ";
        visitChildren(quote);
        indent = outer;
        blankLine();
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
        blankLine();
        out.append(indent).append("・・・");
        blankLine();
    }

    @Override
    public void visit(FencedCodeBlock code) {
        blankLine();
        code.getLiteral().lines().forEach(l -> out.append(indent).append(l).append('\n'));
        blankLine();
    }

    @Override
    public void visit(IndentedCodeBlock code) {
        blankLine();
        code.getLiteral().lines().forEach(l -> out.append(indent).append(l).append('\n'));
        blankLine();
    }

    @Override
    public void visit(HtmlBlock html) {
        blankLine();
        out.append(html.getLiteral().strip()); // refused at save; as text in a preview
        blankLine();
    }

    @Override
    public void visit(HtmlInline html) {
        out.append(html.getLiteral());
    }

    @Override
    public void visit(CustomBlock block) {
        if (block instanceof MailBox box) {
            blankLine();
            out.append(indent).append(BOX_RULE).append('\n');
            if (!box.title.isEmpty()) {
                out.append(indent).append("■ ").append(box.title).append("\n\n");
            }
            visitChildren(box);
            newLine();
            while (endsWith("\n\n")) {
                out.setLength(out.length() - 1);
            }
            out.append(indent).append(BOX_RULE);
            blankLine();
        } else if (block instanceof ButtonLink button) {
            blankLine();
            startLine();
            out.append("▶ ");
            visitChildren(button.link());
            out.append('\n').append(indent).append(button.link().getDestination());
            blankLine();
        }
    }
}
