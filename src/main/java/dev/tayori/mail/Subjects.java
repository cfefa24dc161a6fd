package dev.tayori.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Subject headers as RFC 2047 "B" encoded-words in UTF-8. Each word is at most 75 characters and
 * holds whole characters only: a word is cut between grapheme clusters, never inside a UTF-8 sequence,
 * a surrogate pair or an emoji sequence, so each word decodes on its own (some Japanese carrier mail decodes word by
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
        // "=?" in plain text would be decoded by clients as an encoded-word someone smuggled in (a reader's
        // name placed in the subject); encoding it makes it read as the characters they typed.
        if (subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && subject.length() <= FIRST_LINE_BUDGET
                && !subject.contains("=?")) {
            return subject;
        }
        return String.join("\r\n ", words(subject));
    }

    static List<String> words(String subject) {
        return words(subject, FIRST_LINE_BUDGET);
    }

    /**
     * Encoded-words of at most the budget each, cut between grapheme clusters (a flag, a skin-tone emoji
     * or a ZWJ family is one cluster of several code points: cut inside, a client shows two halves).
     * Only a cluster too big for a word of its own (a base with dozens of marks) is cut between code points.
     */
    static List<String> words(String text, int firstLineBudget) {
        List<String> words = new ArrayList<>();
        int budget = maxBytes(firstLineBudget);
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        java.util.regex.Matcher clusters = GRAPHEME.matcher(text);
        while (clusters.find()) {
            String cluster = clusters.group();
            int bytes = utf8Length(cluster);
            if (chunkBytes + bytes > budget && chunkBytes > 0) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
                budget = maxBytes(LINE_BUDGET);
            }
            if (bytes <= budget) {
                chunk.append(cluster);
                chunkBytes += bytes;
                continue;
            }
            for (int i = 0; i < cluster.length(); ) {
                String character = new String(Character.toChars(cluster.codePointAt(i)));
                int size = utf8Length(character);
                if (chunkBytes + size > budget && chunkBytes > 0) {
                    words.add(word(chunk.toString()));
                    chunk.setLength(0);
                    chunkBytes = 0;
                    budget = maxBytes(LINE_BUDGET);
                }
                chunk.append(character);
                chunkBytes += size;
                i += character.length();
            }
        }
        if (chunkBytes > 0 || words.isEmpty()) {
            words.add(word(chunk.toString()));
        }
        return words;
    }

    /** Java's regex \X follows Unicode's extended grapheme clusters (java.text.BreakIterator on 17 does not). */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String word(String text) {
        return PREFIX + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + SUFFIX;
    }

    /** How many bytes fit in a word of at most {@code chars} characters: base64 is 4 chars per 3 bytes. */
    private static int maxBytes(int chars) {
        return (chars - PREFIX.length() - SUFFIX.length()) / 4 * 3;
    }
}
