package dev.tayori.content;

/**
 * Where a cut may fall between code points without breaking what a reader sees as one character:
 * not before a combining mark (が written か + ゙), a variation selector (❤️), a skin-tone modifier, an
 * emoji tag, a zero-width joiner or what follows one (👨‍👩‍👧), nor inside a flag (🇯🇵, two regional
 * indicators). Java 17's BreakIterator predates emoji sequences, so the rules of UAX #29 that matter
 * for Japanese text and emoji are written here.
 */
final class Graphemes {
    private Graphemes() {
    }

    /** True when a cut between {@code cps[i - 1]} and {@code cps[i]} keeps every character whole. */
    static boolean boundary(int[] cps, int i) {
        if (i <= 0 || i >= cps.length) {
            return true;
        }
        int cp = cps[i];
        if (extends_(cp) || cps[i - 1] == 0x200D) {
            return false;
        }
        if (regional(cp) && regional(cps[i - 1])) {
            int run = 0;
            for (int j = i - 1; j >= 0 && regional(cps[j]); j--) {
                run++;
            }
            return run % 2 == 0; // an odd run before: this one completes a flag
        }
        return true;
    }

    /** The nearest boundary at or before {@code i}. */
    static int atOrBefore(int[] cps, int i) {
        while (i > 0 && !boundary(cps, i)) {
            i--;
        }
        return i;
    }

    private static boolean extends_(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || cp == 0x200D
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    private static boolean regional(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }
}
