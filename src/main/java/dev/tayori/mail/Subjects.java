package dev.tayori.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Subject headers as RFC 2047 "B" encoded-words in UTF-8. Each word is at most 75 characters and
 * holds whole characters only: a word is cut between code points, never inside a UTF-8 sequence or
 * a surrogate pair, so each word decodes on its own (some Japanese carrier mail decodes word by
 * word, and a split character shows as garbage there).
 */
public final class Subjects {
    private static final String PREFIX = "=?UTF-8?B?";
    private static final String SUFFIX = "?=";
    /** "Subject: " precedes the first word on its line; lines with encoded-words stay within 76. */
    private static final int FIRST_LINE_BUDGET = 76 - "Subject: ".length();
    private static final int LINE_BUDGET = 75;

    private Subjects() {
    }

    /** The header value, folded; plain printable ASCII that fits is left as it is. */
    public static String encode(String subject) {
        if (subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && subject.length() <= FIRST_LINE_BUDGET) {
            return subject;
        }
        return String.join("\r\n ", words(subject));
    }

    static List<String> words(String subject) {
        return words(subject, FIRST_LINE_BUDGET);
    }

    /**
     * A reader's display name in To: as encoded-words, the first within what is left of its line after
     * "To: " (a phrase may be encoded-words, RFC 2047 section 5(3)).
     */
    static String displayName(String name) {
        return String.join("\r\n ", words(name, 76 - "To: ".length()));
    }

    private static List<String> words(String subject, int firstLineBudget) {
        List<String> words = new ArrayList<>();
        int budget = maxBytes(firstLineBudget);
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < subject.length(); ) {
            int codePoint = subject.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > budget && chunkBytes > 0) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
                budget = maxBytes(LINE_BUDGET);
            }
            chunk.append(character);
            chunkBytes += bytes;
            i += Character.charCount(codePoint);
        }
        if (chunkBytes > 0 || words.isEmpty()) {
            words.add(word(chunk.toString()));
        }
        return words;
    }

    private static String word(String text) {
        return PREFIX + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    /** How many bytes fit in a word of at most {@code chars} characters: base64 is 4 chars per 3 bytes. */
    private static int maxBytes(int chars) {
        return (chars - PREFIX.length() - SUFFIX.length()) / 4 * 3;
    }
}
