package dev.tayori.subscriber;

/**
 * A reader's name as typed into the form, the API, a CSV row or the command line: one check for
 * every way in, so a name that would break a header or a page is refused where it is typed, with
 * words the person can act on, instead of making the mail fail later with a wrong reason.
 *
 * <p>Refused: line breaks, control characters (C0, DEL, C1), and characters nobody sees that change
 * what others see: bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) that make
 * a name read backwards in a list, and zero-width characters that make two names look alike. The
 * zero-width joiner inside an emoji sequence (a family 👨‍👩‍👧) and the tag characters of a
 * subdivision flag are part of the picture and stay. A replacement character (U+FFFD) is refused too:
 * it stands for bytes that were mis-read on the way in.
 */
public final class ReaderName {
    public static final int LIMIT = 100;

    /** What is wrong with a name, for the edge to put in its own words. */
    public enum Problem { LINE_BREAK, CONTROL_CHARACTER, INVISIBLE_CHARACTER, UNREADABLE, TOO_LONG }

    /** A refused name: an INVALID SubscriberException that also says which problem it was. */
    public static final class Refused extends SubscriberException {
        private final Problem problem;

        Refused(Problem problem, String message) {
            super(Kind.INVALID, message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private ReaderName() {
    }

    /** The name stripped of surrounding spaces ("" when none), or a {@link Refused} saying why. */
    public static String check(String name) {
        String value = name == null ? "" : name.strip();
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int position = value.codePointCount(0, i) + 1;
            if (c == '\r' || c == '\n' || c == 0x2028 || c == 0x2029) {
                throw new Refused(Problem.LINE_BREAK, "the name must not contain line breaks");
            }
            if (Character.isISOControl(c)) {
                throw new Refused(Problem.CONTROL_CHARACTER, "the name contains a control character (U+"
                        + hex(c) + " at position " + position + "); type it again without it");
            }
            if (c == 0xFFFD) {
                // U+FFFD is what a decoder puts where it could not read a byte: a form or tool that sent
                // Shift_JIS or Latin-1 as UTF-8. Storing it would mail the reader "��" for good.
                throw new Refused(Problem.UNREADABLE, "the name holds U+FFFD at position " + position
                        + ", a character that could not be read (text sent in another encoding than UTF-8);"
                        + " type it again or send it as UTF-8");
            }
            if (invisible(value, i, c)) {
                throw new Refused(Problem.INVISIBLE_CHARACTER, "the name contains an invisible character (U+"
                        + hex(c) + " " + Character.getName(c) + " at position " + position
                        + ") that changes how it is shown; type it again without it");
            }
            i += Character.charCount(c);
        }
        if (value.codePointCount(0, value.length()) > LIMIT) {
            throw new Refused(Problem.TOO_LONG, "the name is longer than " + LIMIT + " characters");
        }
        return value;
    }

    /**
     * Format characters (Unicode category Cf: bidi controls, zero-width space and non-joiner, word
     * joiner, byte order mark, soft hyphen...), lone surrogates and unassigned code points.
     */
    private static boolean invisible(String value, int i, int c) {
        int type = Character.getType(c);
        if (type == Character.SURROGATE || type == Character.UNASSIGNED) {
            return true;
        }
        if (BLANK_LETTERS.indexOf(c) >= 0) {
            return true; // letters that print nothing: a name of them reads as no name, or hides in one
        }
        if (type != Character.FORMAT) {
            return false;
        }
        if (c == 0x200D) { // zero-width joiner: only between two parts of an emoji sequence
            int next = i + 1 < value.length() ? value.codePointAt(i + 1) : -1;
            return i == 0 || !emojiPart(value.codePointBefore(i)) || !emojiPart(next);
        }
        if (c >= 0xE0020 && c <= 0xE007F) { // tag characters: only after a black flag or another tag
            int before = i == 0 ? -1 : value.codePointBefore(i);
            return before != 0x1F3F4 && !(before >= 0xE0020 && before <= 0xE007F);
        }
        return true;
    }

    /**
     * Characters Unicode files as letters or symbols that print as blank: the Hangul fillers
     * (U+115F, U+1160, U+3164, U+FFA0), the blank Braille pattern U+2800 and the Khmer vowels
     * U+17B4/U+17B5. Spam uses them for names that look empty or pad a name out of sight.
     */
    private static final String BLANK_LETTERS = "\u115F\u1160\u3164\uFFA0\u2800\u17B4\u17B5";

    /** Pictographs, dingbats, skin tones and the emoji variation selector: what ZWJ sequences join. */
    private static boolean emojiPart(int c) {
        return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2300 && c <= 0x23FF)
                || (c >= 0x2B00 && c <= 0x2BFF) || c == 0xFE0F || c == 0x2640 || c == 0x2642;
    }

    private static String hex(int c) {
        return String.format("%04X", c);
    }
}
