package dev.tayori.announcement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A segment as a SQL condition on subscribers {@code s}. The condition text is one of these fixed
 * strings, never built from the operator's input; the variable parts are bound parameters.
 */
record SegmentQuery(String condition, String tag, Instant before, String sequenceId) {
    static SegmentQuery of(String segment, ZoneId zone, String welcomeSequence) {
        if (segment.equals("all")) {
            return new SegmentQuery("1 = 1", "", Instant.EPOCH, welcomeSequence);
        }
        if (segment.equals("workbook-finished") || segment.equals("workbook-in-progress")) {
            String state = segment.endsWith("finished") ? "finished" : "active";
            return new SegmentQuery("EXISTS (SELECT 1 FROM enrollments e WHERE e.subscriber_id = s.id"
                    + " AND e.sequence_id = :sequenceId AND e.state = '" + state + "')", "", Instant.EPOCH, welcomeSequence);
        }
        if (segment.startsWith("confirmed-before:")) {
            Instant before = LocalDate.parse(segment.substring("confirmed-before:".length())).atStartOfDay(zone).toInstant();
            return new SegmentQuery("s.confirmed_at < :before", "", before, welcomeSequence);
        }
        if (segment.startsWith("tag:")) {
            return new SegmentQuery("EXISTS (SELECT 1 FROM subscriber_tags t WHERE t.subscriber_id = s.id AND t.tag = :tag)",
                    segment.substring(4), Instant.EPOCH, welcomeSequence);
        }
        throw new IllegalArgumentException("unknown segment " + segment);
    }
}
