package dev.tayori.campaign;

/**
 * What readers would not see in a line the operator wrote, wherever it was written (a campaign
 * file, the editor, the API): the same rules for every way in, so a subject the file refuses is
 * not published through the browser.
 */
public final class PlainText {
    private PlainText() {
    }

    /** Letters that print as blank: the Hangul fillers, the blank Braille pattern and two Khmer vowels. */
    private static final String BLANK_LETTERS = "\u115F\u1160\u3164\uFFA0\u2800\u17B4\u17B5";

    /**
     * The first character nobody sees that changes what readers see, or -1: bidi controls
     * (U+202A-U+202E, U+2066-U+2069), zero-width and other format characters, a byte order mark
     * inside the text, and half a surrogate pair (a broken emoji, sent as '?'). A zero-width joiner
     * (inside an emoji sequence) and the tag characters of a subdivision flag are parts of a picture
     * and stay. Control characters are the caller's: a body may hold line breaks, a subject may not.
     */
    public static int firstHidden(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (hidden(value, i, c)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** The first control character other than a line break (LF, or CR before LF) and a tab, or -1. */
    public static int firstControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n');
            if (Character.isISOControl(c) && !lineBreak && c != '\t') {
                return c;
            }
        }
        return -1;
    }

    /**
     * Whether the value reads as nothing: no-break or other spaces and blank fillers only
     * (strip() leaves U+00A0, U+2007 and U+202F, and letters such as U+3164 that print as blank).
     */
    public static boolean looksBlank(String value) {
        return value.codePoints().allMatch(c -> Character.isSpaceChar(c) || Character.isWhitespace(c)
                || BLANK_LETTERS.indexOf(c) >= 0);
    }

    /** U+202E RIGHT-TO-LEFT OVERRIDE: how a refusal names the character. */
    public static String name(int c) {
        String name = Character.getName(c);
        return String.format("U+%04X%s", c, name == null ? "" : " " + name);
    }

    private static boolean hidden(String value, int i, int c) {
        int type = Character.getType(c);
        if (type == Character.SURROGATE) {
            return true;
        }
        if (type != Character.FORMAT || c == 0x200D) {
            return false;
        }
        if (c >= 0xE0020 && c <= 0xE007F) {
            int before = i == 0 ? -1 : value.codePointBefore(i);
            return before != 0x1F3F4 && !(before >= 0xE0020 && before <= 0xE007F);
        }
        return true;
    }
}
