package dev.tayori.subscriber;

/**
 * A cell or argument as it may be echoed in a message on the operator's terminal: control and
 * invisible format characters written as \\u followed by four hex digits (\\u001B). Printed as they are, an escape sequence in a CSV
 * cell (ESC [2J) cleared the terminal or recoloured it, and a NUL or bidi override hid what was wrong.
 */
public final class Visible {
    private Visible() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
