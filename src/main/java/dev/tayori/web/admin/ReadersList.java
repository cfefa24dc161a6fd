package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.config.Formats;
import dev.tayori.overview.Words;
import dev.tayori.readers.ReaderFilter;
import dev.tayori.readers.ReaderRefused;
import dev.tayori.readers.Readers;
import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberExport;
import io.javalin.http.Context;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** /admin/subscribers: the list with its search and filters, the export, and the bulk actions' two steps. */
final class ReadersList {
    private final App app;
    private final AdminPages pages;
    private final Readers readers;

    ReadersList(App app, AdminPages pages, Readers readers) {
        this.app = app;
        this.pages = pages;
        this.readers = readers;
    }

    void list(Context ctx) {
        ReaderFilter filter = ReadersFilterForm.read(ctx);
        String pageText = ctx.queryParam("page");
        int number = pageText != null && pageText.matches("[0-9]{1,6}") ? Integer.parseInt(pageText) : 0;
        Readers.Page page = readers.find(filter, number);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Subscriber s : page.rows()) {
            rows.add(Map.of("id", s.id(), "email", s.email(), "name", s.name(),
                    "status", Words.of("subscriber", s.status().db()),
                    "confirmed", Formats.local(s.confirmedAt(), app.settings().timezone()),
                    "tags", String.join("、", readers.tagsOf(s.id()))));
        }
        Map<String, Object> model = new HashMap<>(ReadersFilterForm.model(filter));
        model.put("subscribers", rows);
        model.put("total", page.total());
        model.put("pageNumber", page.number());
        model.put("hasNext", page.hasNext());
        model.put("hasPrevious", page.number() > 0);
        model.put("allTags", readers.allTags());
        model.put("words", ReadersWords.all());
        Map<String, String> statusWords = new HashMap<>();
        for (dev.tayori.subscriber.SubscriberStatus st : dev.tayori.subscriber.SubscriberStatus.values()) {
            statusWords.put(st.db(), Words.of("subscriber", st.db()));
        }
        model.put("statusWords", statusWords);
        ReadersWords.notice(ctx, model);
        pages.show(ctx, "subscribers", model);
    }

    /** The CSV of SubscriberExport (formula-safe cells), for the readers the current filter shows. */
    void export(Context ctx) throws Exception {
        ReaderFilter filter = ReadersFilterForm.read(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        ctx.header("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        new SubscriberExport(app.jdbi(), app.subscribers()).to(out, after -> readers.after(filter, after, 500), true);
        out.flush();
    }

    /** Step one: says how many the action reaches, and carries the filter to step two. */
    void confirm(Context ctx) {
        ReaderFilter filter = ReadersFilterForm.read(ctx);
        String action = ctx.formParam("action");
        String tag = ctx.formParam("bulk_tag") == null ? "" : ctx.formParam("bulk_tag").strip();
        Map<String, Object> model = new HashMap<>(ReadersFilterForm.model(filter));
        if ("tag".equals(action)) {
            if (!tag.matches("[\\p{L}\\p{N}_.-]{1,50}")) {
                ctx.redirect("/admin/subscribers?done=bad-tag&" + model.get("query"));
                return;
            }
            model.put("sentence", ReadersWords.format("bulk.tag", readers.countForTag(filter), tag));
        } else if ("unsubscribe".equals(action)) {
            model.put("sentence", ReadersWords.format("bulk.unsubscribe", readers.countForUnsubscribe(filter)));
        } else {
            ctx.redirect("/admin/subscribers?" + model.get("query"));
            return;
        }
        model.put("action", action);
        model.put("bulkTag", tag);
        pages.show(ctx, "subscribers-bulk", model);
    }

    /** Step two: acts on the filter's readers as they are now, and says how many it changed. */
    void run(Context ctx) {
        ReaderFilter filter = ReadersFilterForm.read(ctx);
        String query = (String) ReadersFilterForm.model(filter).get("query");
        String action = ctx.formParam("action");
        try {
            if ("tag".equals(action)) {
                int n = readers.tagAll(filter, ctx.formParam("bulk_tag"));
                ctx.redirect("/admin/subscribers?done=bulk-tagged&n=" + n + "&" + query);
            } else if ("unsubscribe".equals(action)) {
                int n = readers.unsubscribeAll(filter, "admin page");
                ctx.redirect("/admin/subscribers?done=bulk-unsubscribed&n=" + n + "&" + query);
            } else {
                ctx.redirect("/admin/subscribers?" + query);
            }
        } catch (ReaderRefused e) {
            ctx.redirect("/admin/subscribers?done=bad-tag&" + query);
        }
    }
}
