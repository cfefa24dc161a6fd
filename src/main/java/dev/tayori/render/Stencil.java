package dev.tayori.render;

import dev.tayori.mail.BodyText;
import freemarker.core.OutputFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One template's output for a whole mailing, cut where a reader's own values go: the reader's name,
 * address, unsubscribe link and subject ({@link MailModel#READER_FIELDS}). Filling it in is a copy
 * and the escaping of a few short strings, where rendering the template per reader walked its whole
 * tree. {@link Stencils} decides when a template can be cut this way.
 */
final class Stencil {
    /** The field index at each cut, between the pieces. */
    private final int[] htmlFields;
    private final int[] textFields;
    private final BodyText.Shared html;
    private final BodyText.Shared text;
    private final UnaryOperator<String> htmlEscape;
    private final UnaryOperator<String> textEscape;

    Stencil(Cut html, Cut text, UnaryOperator<String> htmlEscape, UnaryOperator<String> textEscape) {
        this.htmlFields = html.fields;
        this.textFields = text.fields;
        this.html = new BodyText.Shared(html.pieces);
        this.text = new BodyText.Shared(text.pieces);
        this.htmlEscape = htmlEscape;
        this.textEscape = textEscape;
    }

    RenderedMail fill(String subject, String[] values) {
        return new RenderedMail(subject, body(html, htmlFields, htmlEscape, values), body(text, textFields, textEscape, values));
    }

    private static BodyText body(BodyText.Shared shared, int[] fields, UnaryOperator<String> escape, String[] values) {
        String[] filled = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            filled[i] = escape.apply(values[fields[i]]);
        }
        return BodyText.of(shared, filled);
    }

    /** How a template's output escapes an interpolated value: as its output format does, or not at all. */
    static UnaryOperator<String> escaper(OutputFormat format) {
        if (format instanceof freemarker.core.MarkupOutputFormat<?> markup) {
            return value -> {
                try {
                    return markup.escapePlainText(value);
                } catch (freemarker.template.TemplateModelException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
        return UnaryOperator.identity();
    }

    /** A rendered output cut at the marks of the reader's fields; null where it cannot be cut cleanly. */
    record Cut(List<String> pieces, int[] fields) {
        /**
         * Cuts {@code output} at each escaped mark in {@code marks} (one per field). Fails (null) if any
         * mark character is left over: the template changed a value (upper case, a URL encoding, a
         * substring) instead of printing it, so printing the value in its place would be wrong.
         */
        static Cut of(String output, String[] marks, UnaryOperator<String> escape, char lowestMarkChar,
                char highestMarkChar) {
            String[] escaped = new String[marks.length];
            for (int i = 0; i < marks.length; i++) {
                escaped[i] = marks[i] == null ? null : escape.apply(marks[i]);
            }
            List<String> pieces = new ArrayList<>();
            List<Integer> fields = new ArrayList<>();
            int from = 0;
            while (true) {
                int next = -1;
                int field = -1;
                for (int i = 0; i < escaped.length; i++) {
                    int at = escaped[i] == null ? -1 : output.indexOf(escaped[i], from);
                    if (at >= 0 && (next < 0 || at < next)) {
                        next = at;
                        field = i;
                    }
                }
                String piece = output.substring(from, next < 0 ? output.length() : next);
                for (int c = 0; c < piece.length(); c++) {
                    if (piece.charAt(c) >= lowestMarkChar && piece.charAt(c) <= highestMarkChar) {
                        return null;
                    }
                }
                pieces.add(piece);
                if (next < 0) {
                    return new Cut(pieces, fields.stream().mapToInt(Integer::intValue).toArray());
                }
                fields.add(field);
                from = next + escaped[field].length();
            }
        }

        boolean sameAs(Cut other) {
            return other != null && pieces.equals(other.pieces) && java.util.Arrays.equals(fields, other.fields);
        }
    }
}
