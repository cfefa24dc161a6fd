package dev.tayori.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading the parts of a message that may be hostile: every read is bounded, a part that cannot be
 * decoded is skipped rather than thrown, and a charset Java does not know is read as UTF-8.
 */
final class Parts {
    /** The most text read from one part: a report's words are in its first few kilobytes. */
    static final int TEXT_LIMIT = 64 * 1024;
    /** Reports nest a message in a report in a message at most; deeper is a trick. */
    private static final int DEPTH_LIMIT = 5;

    private Parts() {
    }

    /** The lower-case base type (multipart/report), or "" when the header cannot be read. */
    static String type(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    static String parameter(Part part, String name) {
        try {
            String value = new ContentType(part.getContentType()).getParameter(name);
            return value == null ? "" : value.toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    /** The direct children of a multipart, or none when it is not one or its MIME is broken. */
    static List<Part> children(Part part) {
        List<Part> out = new ArrayList<>();
        try {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    out.add(child);
                }
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // broken MIME (a missing boundary, a bad encoding): no children, the caller reads what it can
        }
        return out;
    }

    /** Every part, depth first, without descending into returned messages (message/rfc822). */
    static List<Part> flatten(Part root) {
        List<Part> out = new ArrayList<>();
        walk(root, 0, out);
        return out;
    }

    private static void walk(Part part, int depth, List<Part> out) {
        out.add(part);
        if (depth < DEPTH_LIMIT && type(part).startsWith("multipart/")) {
            children(part).forEach(child -> walk(child, depth + 1, out));
        }
    }

    /** A part's decoded text, at most TEXT_LIMIT characters; "" when it cannot be read. */
    static String text(Part part) {
        String charset = parameter(part, "charset");
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(TEXT_LIMIT * 3);
            Charset cs;
            try {
                cs = charset.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(charset);
            } catch (RuntimeException e) {
                cs = StandardCharsets.UTF_8;
            }
            String text = new String(bytes, cs);
            return text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text;
        } catch (MessagingException | IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The header block of a returned message (message/rfc822, message/global or text/rfc822-headers):
     * only the headers are read, the body of the returned mail does not matter.
     */
    static InternetHeaders returnedHeaders(Part part) {
        try (InputStream in = part.getInputStream()) {
            byte[] head = in.readNBytes(TEXT_LIMIT);
            return new InternetHeaders(new ByteArrayInputStream(head));
        } catch (MessagingException | IOException | RuntimeException e) {
            return new InternetHeaders();
        }
    }

    static boolean isReturnedMessage(Part part) {
        String type = type(part);
        return type.equals("message/rfc822") || type.equals("message/global") || type.equals("text/rfc822-headers")
                || type.equals("message/global-headers");
    }

    /** The first value of a header, unfolded, or "". */
    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? "" : unfold(values[0]);
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    static List<String> headers(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null ? List.of() : List.of(values).stream().map(Parts::unfold).toList();
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
    }

    static String unfold(String value) {
        return value == null ? "" : value.replaceAll("\\r?\\n[ \\t]*", " ").trim();
    }

    /** Text that may be shown and stored: no control characters, at most {@code max} characters. */
    static String printable(String text, int max) {
        String clean = (text == null ? "" : text).replaceAll("[\\p{Cntrl}\\p{Cf}]+", " ").replaceAll(" {2,}", " ").trim();
        return clean.length() > max ? clean.substring(0, max) + "…" : clean;
    }
}
