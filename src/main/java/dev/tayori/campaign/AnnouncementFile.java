package dev.tayori.campaign;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The keys of an announcement campaign file, checked with their lines. */
final class AnnouncementFile {
    static final Set<String> KEYS = Set.of("kind", "name", "subject", "template", "segment", "catch-up-hours");

    private AnnouncementFile() {
    }

    static Announcement parse(String id, Path file, YamlMap map) {
        map.allowOnly(KEYS);
        String subject = map.required("subject", "\"【先行案内】12月のオンライン講座\"");
        String template = map.templateName("template", "campaigns/" + id + "/mail");
        String segment = map.text("segment").orElse("all");
        String problem = Segments.problem(segment);
        if (problem != null) {
            map.problem(map.lineOf("segment"), problem);
        }
        int catchUpHours = map.number("catch-up-hours", 12, 0, 72);
        return new Announcement(id, map.text("name").orElse(id), file, subject, template, segment,
                Duration.ofHours(catchUpHours), map.lineOf("subject"), map.lineOf("template"), map.lineOf("segment"));
    }
}
