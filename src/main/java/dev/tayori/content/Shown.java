package dev.tayori.content;

/**
 * A value from a feed or file as it may appear in one line of an error: quoted, control characters
 * and line breaks written as \\uXXXX (so a hostile value cannot forge a second line in the
 * operator's log), and cut to a readable length.
 */
final class Shown {
    private static final int MAX = 100;

    private Shown() {
    }

    static String of(String value) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (shown++ >= MAX && !Character.isLowSurrogate(c)) {
                out.append("…(").append(value.length()).append(" characters)");
                break;
            }
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append("'").toString();
    }
}
