package dev.tayori.mail;

/** Guards values that come from people (names, subjects) before they go near a mail header. */
public final class HeaderText {
    private HeaderText() {
    }

    public static String check(String what, String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(what + " must not contain line breaks: it goes into a mail header");
            }
        }
        return value;
    }
}
