package dev.tayori.subscriber;

/**
 * A reader's name as typed into the form, the API, a CSV row or the command line: one check for
 * every way in, so a name that would break a header or a page is refused where it is typed, with
 * words the person can act on, instead of making the mail fail later with a wrong reason.
 */
public final class ReaderName {
    public static final int LIMIT = 100;

    private ReaderName() {
    }

    /** The name stripped of surrounding spaces ("" when none), or an INVALID refusal saying why. */
    public static String check(String name) {
        String value = name == null ? "" : name.strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new SubscriberException(SubscriberException.Kind.INVALID, "the name must not contain line breaks");
            }
            if (Character.isISOControl(c)) {
                throw new SubscriberException(SubscriberException.Kind.INVALID,
                        "the name contains a control character (U+" + String.format("%04X", (int) c)
                                + " at position " + (i + 1) + "); type it again without it");
            }
        }
        if (value.codePointCount(0, value.length()) > LIMIT) {
            throw new SubscriberException(SubscriberException.Kind.INVALID,
                    "the name is longer than " + LIMIT + " characters");
        }
        return value;
    }
}
