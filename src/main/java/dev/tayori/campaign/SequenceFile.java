package dev.tayori.campaign;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The keys of a sequence campaign file, checked with their lines. */
final class SequenceFile {
    static final Set<String> KEYS = Set.of("kind", "name", "send-at", "steps");
    static final Set<String> STEP_KEYS = Set.of("subject", "template");
    static final int SUBJECT_LIMIT = 120;

    private SequenceFile() {
    }

    static Sequence parse(String id, Path file, YamlMap map) {
        map.allowOnly(KEYS);
        String name = map.text("name").orElse(id);
        LocalTime sendAt = LocalTime.of(7, 0);
        String sendAtText = map.text("send-at").orElse(null);
        if (sendAtText != null) {
            try {
                sendAt = LocalTime.parse(sendAtText);
            } catch (DateTimeParseException e) {
                map.problem(map.lineOf("send-at"), "send-at '" + sendAtText + "' is not a time of day; write it like \"07:00\"");
            }
        }
        if (!map.has("steps")) {
            map.problem(map.line(), "'steps' is missing: a sequence needs a list of steps, each with subject and template");
        }
        List<Step> steps = new ArrayList<>();
        for (YamlMap item : map.list("steps")) {
            item.allowOnly(STEP_KEYS);
            String subject = item.required("subject", "\"【1日目】いまの気持ちに名前をつける\"");
            String template = item.templateName("template", "campaigns/" + id + "/lesson-" + (steps.size() + 1));
            if (subject != null && subject.length() > SUBJECT_LIMIT) {
                item.problem(item.lineOf("subject"), "the subject is longer than " + SUBJECT_LIMIT + " characters");
            }
            steps.add(new Step(steps.size() + 1, subject, template, item.lineOf("template")));
        }
        if (map.has("steps") && steps.isEmpty()) {
            map.problem(map.lineOf("steps"), "'steps' is empty: a sequence needs at least one step");
        }
        return new Sequence(id, name, file, sendAt, List.copyOf(steps));
    }
}
