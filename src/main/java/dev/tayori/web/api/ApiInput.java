package dev.tayori.web.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import dev.tayori.config.Suggestions;
import java.util.Map;
import java.util.Set;

/**
 * Reading what a client sent to the API: a JSON object body and whole-number query parameters.
 * Anything unusable is a {@link Problem} with a status and a sentence saying what would do, never
 * a parser's exception that would reach the catch-all as a 500.
 */
final class ApiInput {
    /**
     * Trailing tokens fail too: {@code {"a":1} x} is not "an object", whatever Jackson would let pass.
     * A field given twice fails rather than letting the last one win: {"email": A, "email": B} must not
     * sign up B while a log or a proxy that read the first one saw A.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A request the API refuses, with the status to answer and the message for {"error": ...}. */
    static final class Problem extends RuntimeException {
        private final int status;

        Problem(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private ApiInput() {
    }

    /**
     * The body as a JSON object with only the {@code known} fields: a misspelt field is refused, not
     * ignored ({"confirmd": true} must not quietly become a pending sign-up that mails someone).
     */
    static Body object(Context ctx, Set<String> known) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new Problem(415, "send the body as JSON with Content-Type: application/json"
                    + (type.isEmpty() ? "" : " (it was " + type.lines().findFirst().orElse("") + ")"));
        }
        String body = text(ctx.bodyAsBytes());
        if (body.isBlank()) {
            throw new Problem(400, "the body is empty; send a JSON object, like {\"email\": \"reader@example.jp\"}");
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Problem(400, "the body is not valid JSON: " + plain(e.getOriginalMessage())
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            throw new Problem(400, "the body must be a JSON object, like {\"email\": \"reader@example.jp\"}, not "
                    + kind(parsed));
        }
        for (Object field : object.keySet()) {
            if (!known.contains(field)) {
                throw new Problem(400, "unknown field '" + field + "'" + Suggestions.didYouMean(String.valueOf(field), known)
                        + "; the fields here are " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        return new Body(object);
    }

    /**
     * The body as UTF-8 (RFC 8259: JSON between systems is UTF-8), read strictly. Decoding it the lenient
     * way turned a Latin-1 or Shift_JIS name into U+FFFD and stored "��" as the reader's name; now such a
     * body is refused with the byte that is wrong. A byte-order mark, as Windows tools write one, is fine.
     */
    private static String text(byte[] bytes) {
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = firstBadByte(bytes);
            throw new Problem(400, "the body is not UTF-8: byte " + (at + 1) + " (0x"
                    + String.format("%02X", bytes[at] & 0xff) + ") cannot be read; send JSON encoded as UTF-8");
        }
    }

    private static int firstBadByte(byte[] bytes) {
        var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /**
     * Jackson's message in a client's words: without the Java names it adds for programmers
     * ("bound as `java.lang.Object`", "DeserializationFeature.FAIL_ON_TRAILING_TOKENS", "StreamReadConstraints").
     */
    private static String plain(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        if (first.startsWith("Trailing token")) {
            return "there is more after the JSON object; send one object";
        }
        if (first.startsWith("Document nesting depth")) {
            return "arrays or objects are nested more than 1000 deep";
        }
        int java = first.indexOf(" (from `");
        return java < 0 ? first : first.substring(0, java);
    }

    /** The fields of a checked body, each read as the type it must be. */
    record Body(Map<?, ?> fields) {
        /** Text, or "" when absent or null. */
        String text(String name) {
            Object v = fields.get(name);
            if (v == null) {
                return "";
            }
            if (!(v instanceof String s)) {
                throw new Problem(400, "'" + name + "' must be a string, not " + kind(v));
            }
            return s;
        }

        String required(String name, String example) {
            String v = text(name);
            if (v.isBlank()) {
                throw new Problem(400, "'" + name + "' is required, like \"" + name + "\": \"" + example + "\"");
            }
            return v;
        }

        /** true or false; absent or null is false. */
        boolean flag(String name) {
            Object v = fields.get(name);
            if (v == null) {
                return false;
            }
            if (!(v instanceof Boolean b)) {
                throw new Problem(400, "'" + name + "' must be true or false, not " + kind(v));
            }
            return b;
        }
    }

    private static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "true/false";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return v instanceof Map ? "an object" : v instanceof java.util.List ? "an array" : v.getClass().getSimpleName();
    }

    /** A whole number in min..max, or the default when the parameter is absent. */
    static long number(Context ctx, String name, long absent, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return absent;
        }
        Problem wrong = new Problem(400, "'" + name + "' must be a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max) + "; it was '" + printable(text) + "'");
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw wrong;
        }
        if (value < min || value > max) {
            throw wrong;
        }
        return value;
    }

    /** A client's text as it may be quoted back: no control characters, at most 40 characters. */
    static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }
}
