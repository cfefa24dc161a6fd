package dev.tayori.mail;

import java.util.List;

/**
 * A name and address for From: and To:, written so the name can only be read as text. A bare name
 * with {@code <}, {@code @} or {@code ,} in it reads as another address, and one that is itself an
 * encoded-word ({@code =?UTF-8?B?...?=}) is decoded by clients into whatever it hides, so no name
 * goes raw: printable ASCII becomes a quoted-string (with {@code "} and {@code \} escaped), and
 * anything else (Japanese, a {@code =?}, a name too long for one line) RFC 2047 encoded-words, which
 * a phrase may be (section 5(3)), cut between grapheme clusters by {@link Subjects#words}.
 */
final class DisplayName {
    private static final int LINE = 76;

    private DisplayName() {
    }

    /** The header value after "{@code header}: ", folded to lines of at most 76 characters. */
    static String header(String header, String name, EmailAddress address) {
        String mailbox = address.mailbox();
        if (name == null || name.isEmpty()) {
            return mailbox;
        }
        String angle = "<" + mailbox + ">";
        int firstLine = header.length() + 2;
        if (quotable(name)) {
            String phrase = quoted(name);
            if (firstLine + phrase.length() <= LINE) {
                return phrase + (firstLine + phrase.length() + 1 + angle.length() <= LINE ? " " : "\r\n ") + angle;
            }
        }
        List<String> words = Subjects.words(name, LINE - firstLine);
        String phrase = String.join("\r\n ", words);
        int lastLine = words.size() == 1 ? firstLine + phrase.length() : words.get(words.size() - 1).length() + 1;
        return phrase + (lastLine + 1 + angle.length() <= LINE ? " " : "\r\n ") + angle;
    }

    /** Printable ASCII that holds no encoded-word opener: safe inside quotes. */
    private static boolean quotable(String name) {
        return name.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !name.contains("=?");
    }

    private static String quoted(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
