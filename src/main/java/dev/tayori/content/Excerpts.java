package dev.tayori.content;

/**
 * A few whole sentences from an article's body text, up to a length. Works on decoded plain text and
 * counts code points, so a cut can never fall inside a tag, an entity or a character (emoji and
 * rare kanji outside the BMP are two Java chars but one character); every cut is also moved to a
 * grapheme boundary, so a flag or a family emoji is never cut in two.
 */
public final class Excerpts {
    public static final int DEFAULT_LENGTH = 150;
    private static final String ENDS = "。！？!?";
    /**
     * What may close a quotation after a sentence end: Japanese brackets and typographic closing
     * quotes (WordPress turns "..." into “...”). The ASCII " and ' open as often as they close, so after
     * 。 they are more likely the start of the next sentence: they never extend a sentence.
     */
    private static final String CLOSERS = "」』）)】〉》〕］｝”’";
    private static final String CLAUSES = "、，,；;：: ";
    private static final String ELLIPSIS = "…";

    private Excerpts() {
    }

    public static String excerpt(String html, int maxChars) {
        String text = ArticleText.plainText(html);
        int[] cps = sentencesJoined(text).codePoints().toArray();
        if (cps.length <= maxChars) {
            return new String(cps, 0, cps.length).strip();
        }
        int lastEnd = -1;
        for (int i = 0; i < maxChars; i++) {
            if (ENDS.indexOf(cps[i]) >= 0 || (cps[i] == '.' && i + 1 < cps.length && Character.isWhitespace(cps[i + 1]))) {
                int end = i + 1;
                while (end < cps.length && end < maxChars && CLOSERS.indexOf(cps[end]) >= 0) {
                    end++;
                }
                if (Graphemes.boundary(cps, end)) {
                    lastEnd = end;
                }
            }
        }
        if (lastEnd > 0) {
            return new String(cps, 0, lastEnd).strip();
        }
        // The first sentence alone is too long: cut at the last clause boundary that fits.
        int cut = -1;
        for (int i = maxChars - 2; i > 0; i--) {
            if (CLAUSES.indexOf(cps[i]) >= 0) {
                cut = i + (cps[i] == ' ' ? 0 : 1);
                break;
            }
        }
        if (cut <= 0) {
            cut = maxChars - 1;
        }
        cut = Graphemes.atOrBefore(cps, cut);
        return new String(cps, 0, cut).strip() + ELLIPSIS;
    }

    /** Paragraphs joined: a paragraph that ends without punctuation still ends a sentence. */
    private static String sentencesJoined(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            out.append(l);
            int[] cps = l.codePoints().toArray();
            int last = cps.length - 1;
            // at the very end of a paragraph an ASCII quote can only be closing one
            while (last > 0 && (CLOSERS.indexOf(cps[last]) >= 0 || cps[last] == '"' || cps[last] == '\'')) {
                last--;
            }
            if (ENDS.indexOf(cps[last]) < 0) {
                out.append('。');
            }
        }
        return out.toString();
    }
}
