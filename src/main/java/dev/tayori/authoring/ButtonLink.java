package dev.tayori.authoring;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * A button-style link: a paragraph that is only a link followed by {@code {.button}}, as in
 * {@code [申し込む](https://example.jp/form){.button}}. The parser sees an ordinary link and the text
 * "{.button}"; this post-processor turns such a paragraph into a button block holding the link.
 * A {@code {.button}} anywhere else stays text, and is refused at save.
 */
final class ButtonLink extends CustomBlock {
    static final String MARK = "{.button}";

    Link link() {
        return (Link) getFirstChild();
    }

    static final class Maker implements PostProcessor {
        @Override
        public Node process(Node document) {
            java.util.List<Paragraph> buttons = new java.util.ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Paragraph paragraph) {
                    if (isButton(paragraph)) {
                        buttons.add(paragraph);
                    }
                }
            });
            for (Paragraph paragraph : buttons) {
                Link link = (Link) paragraph.getFirstChild();
                ButtonLink button = new ButtonLink();
                button.setSourceSpans(paragraph.getSourceSpans());
                paragraph.insertBefore(button);
                paragraph.unlink();
                button.appendChild(link);
            }
            return document;
        }

        private static boolean isButton(Paragraph paragraph) {
            Node first = paragraph.getFirstChild();
            return first instanceof Link && first.getNext() instanceof Text mark && mark.getNext() == null
                    && mark.getLiteral().strip().equals(MARK);
        }
    }
}
