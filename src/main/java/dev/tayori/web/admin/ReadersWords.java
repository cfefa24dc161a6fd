package dev.tayori.web.admin;

import dev.tayori.overview.Words;
import io.javalin.http.Context;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Set;

/**
 * The readers pages' Japanese, from words_ja.properties (keys readers.*). The line after an action
 * is chosen by a fixed key in ?done=, so a link cannot make the page say something of its choosing;
 * only a count (digits) is taken from the URL.
 */
final class ReadersWords {
    private static final Set<String> NOTICES = Set.of("added", "tagged", "untagged", "restarted", "reactivated",
            "bad-tag", "needs-reason", "not-confirmed", "no-workbook", "bulk-tagged", "bulk-unsubscribed", "refused");

    private ReadersWords() {
    }

    static String word(String key) {
        return Words.of("readers", key);
    }

    static String format(String key, Object... args) {
        return MessageFormat.format(word(key), args);
    }

    /** Puts the notice for ?done= (and ?n=) in the model, where AdminPages.show leaves it. */
    static void notice(Context ctx, Map<String, Object> model) {
        String key = ctx.queryParam("done");
        if (key != null && NOTICES.contains(key)) {
            String n = ctx.queryParam("n");
            model.put("notice", format("notice." + key, n != null && n.matches("[0-9]{1,9}") ? n : "0"));
        }
    }

    /** The words the list's filter offers, for the template. */
    static Map<String, String> all() {
        return Map.of("in-progress", word("place.in-progress"), "finished", word("place.finished"),
                "none", word("place.none"));
    }
}
