package dev.tayori.web.admin;

import dev.tayori.readers.ReaderFilter;
import dev.tayori.subscriber.SubscriberStatus;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The list's filter as it travels: read from the query string (GET) or the hidden fields of a bulk
 * form (POST), written back as a query string for the next/previous links and the export. A value
 * that is not one of the choices is no condition, so a hand-edited URL cannot break the page.
 */
final class ReadersFilterForm {
    private ReadersFilterForm() {
    }

    static ReaderFilter read(Context ctx) {
        String status = param(ctx, "status");
        SubscriberStatus s = null;
        for (SubscriberStatus each : SubscriberStatus.values()) {
            if (each.db().equals(status)) {
                s = each;
            }
        }
        ReaderFilter.Place place = switch (param(ctx, "place")) {
            case "in-progress" -> ReaderFilter.Place.IN_PROGRESS;
            case "finished" -> ReaderFilter.Place.FINISHED;
            case "none" -> ReaderFilter.Place.NOT_ENROLLED;
            default -> null;
        };
        Integer lesson = param(ctx, "lesson").matches("[1-9][0-9]{0,2}") ? Integer.valueOf(param(ctx, "lesson")) : null;
        String text = param(ctx, "q");
        return new ReaderFilter(text.length() > 200 ? text.substring(0, 200) : text, s, param(ctx, "tag"), place, lesson);
    }

    /** The filter's fields for the template: to fill the form again and to carry into hidden fields. */
    static Map<String, Object> model(ReaderFilter f) {
        Map<String, Object> m = new HashMap<>();
        m.put("q", f.text() == null ? "" : f.text());
        m.put("status", f.status() == null ? "" : f.status().db());
        m.put("tag", f.tag() == null ? "" : f.tag());
        m.put("place", f.place() == null ? "" : switch (f.place()) {
            case IN_PROGRESS -> "in-progress";
            case FINISHED -> "finished";
            case NOT_ENROLLED -> "none";
        });
        m.put("lesson", f.lesson() == null ? "" : f.lesson().toString());
        StringBuilder query = new StringBuilder();
        for (String key : new String[] {"q", "status", "tag", "place", "lesson"}) {
            query.append(query.length() == 0 ? "" : "&").append(key).append('=')
                    .append(URLEncoder.encode((String) m.get(key), StandardCharsets.UTF_8));
        }
        m.put("query", query.toString());
        return m;
    }

    private static String param(Context ctx, String key) {
        String v = ctx.method().name().equals("POST") ? ctx.formParam(key) : ctx.queryParam(key);
        return v == null ? "" : v.strip();
    }
}
