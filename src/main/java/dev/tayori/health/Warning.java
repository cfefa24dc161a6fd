package dev.tayori.health;

import java.util.Locale;
import java.util.Map;

/** One thing on the dashboard the operator should act on: what is wrong, and what to do, in Japanese. */
public record Warning(Kind kind, String title, String whatToDo) {
    public enum Kind {
        SMTP_UNREACHABLE, MAIL_WAITING, FEED_FAILED, BOUNCE_RATE, COMPLAINT_RATE, NODE_FILES, SENDING_WINDOW,
        DOMAIN_LIMIT
    }

    /** For the page template (the sandbox shows maps, not records): an element id and the two sentences. */
    public Map<String, String> forPage() {
        return Map.of("id", "warning-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), "title", title,
                "whatToDo", whatToDo);
    }
}
