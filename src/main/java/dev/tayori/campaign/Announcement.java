package dev.tayori.campaign;

import java.nio.file.Path;
import java.time.Duration;

/** A one-off mailing the operator schedules for an instant, to a segment of subscribers. */
public record Announcement(String id, String name, Path file, String subject, String template, String segment,
        Duration catchUp, int subjectLine, int templateLine, int segmentLine) implements Campaign {
    @Override
    public String kind() {
        return "announcement";
    }
}
