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

    public ConsentRecord withEvent(String newEvent, Instant newAt) {
        return new ConsentRecord(newEvent, newAt, source, origin, userAgent, formVersion);
    }
}
