package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.authoring.AddedSteps;
import dev.tayori.authoring.AuthoringException;
import dev.tayori.authoring.MailSource;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Sequence;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * 「レッスンを追加する」: a lesson after the last of a sequence, written in the editor. The page asks
 * whether readers who had finished get it too, and says how many readers each choice reaches;
 * readers on their way get it at its place either way.
 */
final class AddStepPage {
    private final App app;
    private final AdminPages pages;
    private final EditorPages editor;

    AddStepPage(App app, AdminPages pages, EditorPages editor) {
        this.app = app;
        this.pages = pages;
        this.editor = editor;
    }

    void form(Context ctx) {
        Sequence s = sequenceOf(ctx);
        MailSource empty = new MailSource("【" + (s.size() + 1) + "日目】", "", "");
        Map<String, Object> model = model(s, empty, "left_out", "");
        model.put("problems", java.util.List.of());
        editor.show(ctx, "add-step", model);
    }

    void preview(Context ctx) {
        sequenceOf(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.json(editor.previewJson(app.authoring().previewNewAnnouncement(EditorPages.words(ctx))));
    }

    void submit(Context ctx) {
        Sequence s = sequenceOf(ctx);
        MailSource words = EditorPages.words(ctx);
        String past = "included".equals(ctx.formParam("past")) ? "included" : "left_out";
        String note = ctx.formParam("note") == null ? "" : ctx.formParam("note");
        Map<String, Object> model = model(s, words, past, note);
        if (!"add".equals(ctx.formParam("action"))) {
            editor.show(ctx, "add-step", model);
            return;
        }
        AddedSteps.Added added;
        try {
            added = app.addedSteps().add(s, words, note,
                    past.equals("included") ? AddedSteps.PastReaders.INCLUDED : AddedSteps.PastReaders.LEFT_OUT,
                    app.settings().timezone());
        } catch (AuthoringException e) {
            model.put("error", "追加できませんでした: " + String.join(" ", e.japanese()));
            model.put("problems", EditorPages.problems(e.problems()));
            ctx.status(e.conflict() ? 409 : 400);
            editor.show(ctx, "add-step", model);
            return;
        }
        ctx.redirect("/admin/campaigns/" + s.id() + "/mails/" + added.step() + "?done=added");
    }

    private Map<String, Object> model(Sequence s, MailSource words, String past, String note) {
        AddedSteps.Reach reach = app.addedSteps().reach(s);
        Map<String, Object> model = new HashMap<>();
        model.put("id", s.id());
        model.put("name", s.name());
        model.put("newStep", s.size() + 1);
        model.put("onTheirWay", reach.onTheirWay());
        model.put("finished", reach.finished());
        model.put("past", past);
        model.put("note", note);
        model.put("sendAt", s.sendAt().toString());
        editor.putWords(model, words);
        editor.putPreview(model, app.authoring().previewNewAnnouncement(words));
        return model;
    }

    private Sequence sequenceOf(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        if (!(c instanceof Sequence s)) {
            throw new AdminPages.NotFound("「" + c.name() + "」はステップメールではないので、レッスンを追加できません。");
        }
        return s;
    }
}
