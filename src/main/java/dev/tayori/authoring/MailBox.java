package dev.tayori.authoring;

import org.commonmark.node.Block;
import org.commonmark.node.CustomBlock;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * The highlighted box: a line {@code :::box} (optionally followed by a title, {@code :::box 今日のワーク}),
 * any Markdown, and a line {@code :::}. A container block of commonmark's own block parser, so lists,
 * links and placeholders inside it are parsed as anywhere else.
 */
final class MailBox extends CustomBlock {
    final String title;
    /** False when the text ended before the closing :::, which is refused at save. */
    boolean closed;

    MailBox(String title) {
        this.title = title;
    }

    static boolean opens(CharSequence rest) {
        String text = rest.toString().strip();
        return text.equals(":::box") || text.startsWith(":::box ") || text.startsWith(":::box\t")
                || text.equals("::: box") || text.startsWith("::: box ");
    }

    static boolean closes(CharSequence rest) {
        return rest.toString().strip().equals(":::");
    }

    private static final class Parser extends AbstractBlockParser {
        private final MailBox box;

        Parser(String title) {
            this.box = new MailBox(title);
        }

        @Override
        public Block getBlock() {
            return box;
        }

        @Override
        public boolean isContainer() {
            return true;
        }

        @Override
        public boolean canContain(Block childBlock) {
            return true;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            CharSequence line = state.getLine().getContent();
            if (state.getIndent() < 4 && closes(line.subSequence(state.getNextNonSpaceIndex(), line.length()))) {
                box.closed = true;
                return BlockContinue.finished();
            }
            return BlockContinue.atIndex(state.getIndex());
        }
    }

    static final class Factory extends AbstractBlockParserFactory {
        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none();
            }
            CharSequence line = state.getLine().getContent();
            CharSequence rest = line.subSequence(state.getNextNonSpaceIndex(), line.length());
            if (!opens(rest) || insideBox(matched.getMatchedBlockParser().getBlock())) {
                return BlockStart.none(); // a box in a box stays text, and is refused at save
            }
            String text = rest.toString().strip();
            String title = text.substring(text.indexOf("box") + 3).strip();
            return BlockStart.of(new Parser(title)).atIndex(line.length());
        }

        private static boolean insideBox(org.commonmark.node.Node block) {
            for (org.commonmark.node.Node n = block; n != null; n = n.getParent()) {
                if (n instanceof MailBox) {
                    return true;
                }
            }
            return false;
        }
    }
}
