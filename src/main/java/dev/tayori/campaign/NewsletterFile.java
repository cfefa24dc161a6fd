package dev.tayori.campaign;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The keys of a newsletter campaign file, checked with their lines. */
final class NewsletterFile {
    static final Set<String> KEYS = Set.of("kind", "name", "days", "send-at", "time-zone", "subject", "template",
            "articles-per-issue", "excerpt-length", "when-nothing-new", "reread-not-in-last", "catch-up-hours",
            "link-parameters");

    private NewsletterFile() {
    }

    static Newsletter parse(String id, Path file, YamlMap map) {
        map.allowOnly(KEYS);
        String name = map.text("name").orElse(id);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> dayNames = map.textList("days");
        if (dayNames.isEmpty()) {
            map.problem(map.has("days") ? map.lineOf("days") : map.line(),
                    "'days' is missing: list the weekdays of each issue, e.g. days: [tuesday, thursday, saturday]");
        }
        for (String day : dayNames) {
            try {
                days.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                map.problem(map.lineOf("days"), "'" + day + "' is not a day of the week; use monday ... sunday");
            }
        }
        LocalTime sendAt = LocalTime.of(7, 0);
        String sendAtText = map.text("send-at").orElse(null);
        if (sendAtText != null) {
            try {
                sendAt = LocalTime.parse(sendAtText);
            } catch (DateTimeParseException e) {
                map.problem(map.lineOf("send-at"), "send-at '" + sendAtText + "' is not a time of day; write it like \"07:00\"");
            }
        }
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        String zoneText = map.text("time-zone").orElse(null);
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                map.problem(map.lineOf("time-zone"), "'" + zoneText + "' is not a time zone; write it like Asia/Tokyo");
            }
        }
        String subject = map.required("subject", "\"こころの便り 第${issue.number}号\"");
        String template = map.templateName("template", "campaigns/" + id + "/issue");
        int perIssue = map.number("articles-per-issue", 3, 1, 20);
        int excerptLength = map.number("excerpt-length", 150, 40, 2000);
        boolean reread = true;
        String nothingNew = map.text("when-nothing-new").orElse("reread");
        if (nothingNew.equals("skip")) {
            reread = false;
        } else if (!nothingNew.equals("reread")) {
            map.problem(map.lineOf("when-nothing-new"), "when-nothing-new must be reread or skip, not '" + nothingNew + "'");
        }
        int notInLast = map.number("reread-not-in-last", 10, 0, 1000);
        int catchUpHours = map.number("catch-up-hours", 12, 0, 72);
        Map<String, String> parameters = new LinkedHashMap<>(map.textMap("link-parameters"));
        return new Newsletter(id, name, file, days, sendAt, zone, subject, template, perIssue, excerptLength, reread,
                notInLast, Duration.ofHours(catchUpHours), parameters, map.lineOf("subject"),
                map.lineOf("template"));
    }
}
