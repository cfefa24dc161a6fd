package dev.tayori.web.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Reading what a client sent to the API: a JSON object body and whole-number query parameters.
 * Anything unusable is a {@link Problem} with a status and a sentence saying what would do, never
 * a parser's exception that would reach the catch-all as a 500.
 */
final class ApiInput {
    /** Trailing tokens fail too: {@code {"a":1} x} is not "an object", whatever Jackson would let pass. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

    static Map<?, ?> object(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new Problem(400, "the body is empty; send a JSON object, like {\"email\": \"reader@example.jp\"}");
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Problem(400, "the body is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            throw new Problem(400, "the body must be a JSON object, like {\"email\": \"reader@example.jp\"}");
        }
        return object;
    }

    /** A whole number in min..max, or the default when the parameter is absent. */
    static long number(Context ctx, String name, long absent, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return absent;
        }
        Problem wrong = new Problem(400, "'" + name + "' must be a whole number from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max) + "; it was '" + text + "'");
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
}
