package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.announcement.Audience;
import dev.tayori.authoring.Authoring;
import dev.tayori.authoring.AuthoringException;
import dev.tayori.authoring.MailSource;
import dev.tayori.campaign.Announcement;
import dev.tayori.overview.Words;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * 「新しいお知らせ」: an announcement written from nothing (name, id, subject, preheader, body,
 * default segment), with the editor's toolbar and phone preview. Creating it makes revision 1 live;
 * nobody gets it until it is scheduled on its campaign page.
 */
final class NewAnnouncementPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final App app;
    private final EditorPages editor;
    private final Authoring authoring;

    NewAnnouncementPage(App app, EditorPages editor) {
        this.app = app;
        this.editor = editor;
        this.authoring = app.authoring();
    }

    void form(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("idValue", suggestedId());
        model.put("nameValue", "");
        model.put("segmentValue", "all");
        putSegments(model, "all");
        MailSource empty = new MailSource("", "", "");
        editor.putWords(model, empty);
        editor.putPreview(model, authoring.previewNewAnnouncement(empty));
        model.put("problems", java.util.List.of()); // nothing written yet is not a mistake yet
        editor.show(ctx, "new-announcement", model);
    }

    void preview(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.json(editor.previewJson(authoring.previewNewAnnouncement(EditorPages.words(ctx))));
    }

    void submit(Context ctx) {
        MailSource words = EditorPages.words(ctx);
        String id = text(ctx, "id");
        String name = text(ctx, "name");
        String segment = text(ctx, "segment");
        Map<String, Object> model = new HashMap<>();
        model.put("idValue", id);
        model.put("nameValue", name);
        model.put("segmentValue", segment);
        putSegments(model, segment);
        editor.putWords(model, words);
        editor.putPreview(model, authoring.previewNewAnnouncement(words));
        if (!"create".equals(ctx.formParam("action"))) {
            editor.show(ctx, "new-announcement", model);
            return;
        }
        Announcement made;
        try {
            made = authoring.createAnnouncement(id, name, words, segment);
        } catch (AuthoringException e) {
            model.put("error", "作成できませんでした: " + String.join(" ", e.japanese()));
            model.put("problems", EditorPages.problems(e.problems()));
            ctx.status(e.conflict() ? 409 : 400);
            editor.show(ctx, "new-announcement", model);
            return;
        }
        ctx.redirect("/admin/campaigns/" + made.id() + "/mails/0?done=created");
    }

    /**
     * The segments as the campaign page lists them, in words and with the readers each reaches now:
     * the operator picks one, never types {@code tag:NAME}. A value sent that is not among them
     * (a tag nobody has yet) stays offered, so a refused form comes back as it was.
     */
    private void putSegments(Map<String, Object> model, String chosen) {
        java.util.List<Map<String, Object>> segments = new java.util.ArrayList<>();
        boolean listed = false;
        for (Audience.Reach r : new Audience(app.jdbi(), app.campaigns(), app.settings().timezone()).segments()) {
            segments.add(Map.of("value", r.segment(), "words", Words.segment(r.segment()) + "（" + r.readers() + "人）"));
            listed |= r.segment().equals(chosen);
        }
        if (!listed && !chosen.isBlank()) {
            segments.add(Map.of("value", chosen, "words", Words.segment(chosen)));
        }
        model.put("segments", segments);
    }

    /** announcement-YYYYMMDD (today in the operator's zone), with -2, -3… when taken: Japanese names make no id. */
    private String suggestedId() {
        String day = "announcement-" + LocalDate.now(app.clock().withZone(app.settings().timezone())).format(DAY);
        String id = day;
        for (int n = 2; app.campaigns().find(id).isPresent(); n++) {
            id = day + "-" + n;
        }
        return id;
    }

    private static String text(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v;
    }
}
