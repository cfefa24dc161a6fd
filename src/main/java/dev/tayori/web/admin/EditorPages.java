package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.authoring.Authoring;
import dev.tayori.authoring.AuthoringException;
import dev.tayori.authoring.AuthoringProblem;
import dev.tayori.authoring.EditableMail;
import dev.tayori.authoring.LiveSource;
import dev.tayori.authoring.MailSource;
import dev.tayori.authoring.StoredAnnouncements;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The editor's pages: the list of a campaign's mails and the editor of one mail (Markdown, toolbar,
 * phone preview, draft, publish, test copy). The forms' handling is {@link EditorActions}; the
 * history, comparison and restore pages are {@link RevisionPages}.
 */
final class EditorPages {
    static final List<String> TEMPLATES = List.of("admin/mails.ftlh", "admin/editor.ftlh", "admin/history.ftlh",
            "admin/diff.ftlh", "admin/restore.ftlh", "admin/new-announcement.ftlh", "admin/add-step.ftlh");

    private final App app;
    private final AdminPages pages;
    private final Authoring authoring;
    final PreviewFrames frames = new PreviewFrames();

    EditorPages(App app, AdminPages pages) {
        this.app = app;
        this.pages = pages;
        this.authoring = app.authoring();
        // a broken page template stops the start with file:line, as WebServer does for the others
        TEMPLATES.forEach(t -> app.templates().check(t));
    }

    /** The page, with the editor's own notice for {@code ?done=} (the shared notices do not know its keys). */
    void show(Context ctx, String page, Map<String, Object> model) {
        String notice = EditorWords.notice(ctx.queryParam("done"));
        if (notice != null) {
            model.put("notice", notice);
        }
        pages.show(ctx, page, model);
    }

    void mails(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EditableMail m : authoring.editableMails(c.id())) {
            rows.add(Map.of("step", m.step(), "label", m.label(), "subject", m.liveSubject(),
                    "live", m.live().japanese(), "draft", m.hasDraft()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", c.id());
        model.put("name", c.name());
        model.put("mails", rows);
        model.put("sequence", c instanceof dev.tayori.campaign.Sequence);
        show(ctx, "mails", model);
    }

    void editor(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        int step = step(ctx, c);
        MailSource words = authoring.current(c.id(), step);
        editor(ctx, c, step, words, new HashMap<>(), 200);
    }

    /** The editor with these words (saved or as just typed), their preview, and what a form adds. */
    void editor(Context ctx, Campaign c, int step, MailSource words, Map<String, Object> fromForm, int status) {
        Map<String, Object> model = new HashMap<>();
        EditableMail mail = authoring.editableMails(c.id()).stream().filter(m -> m.step() == step).findFirst()
                .orElseThrow(() -> new AdminPages.NotFound("このメールはありません。"));
        LiveSource live = authoring.liveSource(c.id(), step);
        boolean hasFile = !(c instanceof Announcement a && StoredAnnouncements.madeInBrowser(a))
                && !dev.tayori.authoring.AddedSteps.added(c, step);
        model.put("id", c.id());
        model.put("name", c.name());
        model.put("step", step);
        model.put("label", mail.label());
        model.put("live", live.japanese());
        model.put("canGoBackToFile", hasFile && !live.fromFile());
        model.put("hasFile", hasFile);
        model.put("hasDraft", mail.hasDraft());
        model.put("announcement", c instanceof Announcement);
        model.put("newsletter", c instanceof dev.tayori.campaign.Newsletter);
        model.put("sentNeverChanges", EditorWords.SENT_MAIL_NEVER_CHANGES);
        model.put("testTo", "");
        model.put("note", "");
        putWords(model, words);
        putPreview(model, authoring.preview(c.id(), step, words));
        model.putAll(fromForm);
        ctx.status(status);
        show(ctx, "editor", model);
    }

    void putWords(Map<String, Object> model, MailSource words) {
        model.put("subject", words.subject());
        model.put("preheader", words.preheader());
        model.put("body", words.bodyMarkdown());
    }

    /** The preview's text part, its problems and the iframe's URL, for a page. */
    void putPreview(Map<String, Object> model, Authoring.Preview preview) {
        model.put("previewSubject", preview.subject());
        model.put("previewText", preview.text());
        model.put("previewFrame", frames.put(preview.html()));
        model.put("problems", problems(preview.problems()));
    }

    /** The JSON the editor's script shows as the reader types. */
    Map<String, Object> previewJson(Authoring.Preview preview) {
        Map<String, Object> json = new HashMap<>();
        json.put("subject", preview.subject());
        json.put("text", preview.text());
        json.put("frame", frames.put(preview.html()));
        json.put("problems", problems(preview.problems()));
        return json;
    }

    static List<Map<String, Object>> problems(List<AuthoringProblem> problems) {
        return problems.stream().map(p -> Map.<String, Object>of("text", p.japanese(), "line", p.line(),
                "field", p.field().apiName())).toList();
    }

    /** The preview's HTML, for the sandboxed iframe: with the mail's own CSP, as the campaign page's preview. */
    void frame(Context ctx) {
        String html = frames.get(ctx.pathParam("key")).orElse(null);
        dev.tayori.web.SecurityHeaders.mailHtml(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        if (html == null) {
            ctx.status(404).result("<p>このプレビューは古くなりました。もう一度プレビューしてください。</p>");
        } else {
            ctx.result(html);
        }
    }

    /** The mail's step from the path: a lesson 1…N, 0 for the others; anything else is the 404 page. */
    int step(Context ctx, Campaign c) {
        String text = ctx.pathParam("step");
        try {
            int step = Integer.parseInt(text);
            authoring.liveSource(c.id(), step);
            return step;
        } catch (NumberFormatException | AuthoringException e) {
            throw new AdminPages.NotFound("「" + c.name() + "」にこのメール（" + text + "）はありません。");
        }
    }

    static MailSource words(Context ctx) {
        return new MailSource(ctx.formParam("subject"), ctx.formParam("preheader"), ctx.formParam("body"));
    }
}
