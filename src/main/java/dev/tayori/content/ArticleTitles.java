package dev.tayori.content;

/**
 * A title as one line of text: control characters and invisible format characters (bidi overrides
 * that make a title read backwards) removed, runs of white space, line breaks included, made one
 * space. Markup in a title stays text: the mail templates escape it, so it is shown, never run.
 */
final class ArticleTitles {
    private ArticleTitles() {
    }

    static String clean(String title) {
        StringBuilder out = new StringBuilder(title.length());
        title.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (type != Character.CONTROL && !isHiddenFormat(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Bidi controls and the like; the zero-width joiner stays, emoji sequences need it. */
    private static boolean isHiddenFormat(int cp) {
        return Character.getType(cp) == Character.FORMAT && cp != 0x200D;
    }
}
