package dev.tayori.subscriber;

import java.time.Instant;

/**
 * One consent event as 特定電子メール法 asks us to keep it: what happened, when, how (source) and from
 * where (origin: an IP address, an import file, the operator's host).
 */
public record ConsentRecord(String event, Instant at, String source, String origin, String userAgent,
        String formVersion) {

    public static ConsentRecord of(String event, Instant at, String source, String origin) {
        return new ConsentRecord(event, at, source, origin, null, null);
    }

    /** The longest source kept: a sentence, not a document. */
    public static final int SOURCE_LIMIT = 200;

    /**
     * What is wrong with a consent source the operator typed (the API, the admin page, the command
     * line, an import), null when nothing is. It is shown on pages and written into CSV exports, so a
     * line break or a control character in it is refused where it is typed, as in a reader's name.
     */
    public static String sourceProblem(String source) {
        String value = source == null ? "" : source.strip();
        if (value.isEmpty()) {
            return "is empty: say how and where they agreed to receive mail (特定電子メール法 asks you to keep that record)";
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return "must be one line without control characters";
        }
        if (value.codePointCount(0, value.length()) > SOURCE_LIMIT) {
            return "is longer than " + SOURCE_LIMIT + " characters";
        }
        return null;
    }

    public ConsentRecord withEvent(String newEvent, Instant newAt) {
        return new ConsentRecord(newEvent, newAt, source, origin, userAgent, formVersion);
    }
}
