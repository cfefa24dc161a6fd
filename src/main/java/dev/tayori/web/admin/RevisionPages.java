package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.authoring.Authoring;
import dev.tayori.authoring.AuthoringException;
import dev.tayori.authoring.LineDiff;
import dev.tayori.authoring.Revision;
import dev.tayori.authoring.RevisionDiff;
import dev.tayori.campaign.Campaign;
import dev.tayori.config.Formats;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A mail's history (版, when, note, kind), two versions compared, and restoring one after a confirmation. */
final class RevisionPages {
    private final Authoring authoring;
    private final AdminPages pages;
    private final EditorPages editor;
    private final ZoneId zone;

    RevisionPages(App app, AdminPages pages, EditorPages editor) {
        this.authoring = app.authoring();
        this.pages = pages;
        this.editor = editor;
        this.zone = app.settings().timezone();
    }

    void history(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        int step = editor.step(ctx, c);
        List<Revision> history = authoring.history(c.id(), step);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Revision r : newestFirst(history)) {
            Map<String, Object> row = new HashMap<>();
            row.put("number", r.number());
            row.put("at", Formats.local(r.publishedAt(), zone));
            row.put("note", r.note());
            row.put("kind", EditorWords.kind(r.kind()) + r.restoredFrom().map(n -> "（第" + n + "版から）").orElse(""));
            row.put("subject", r.source().map(s -> s.subject()).orElse("（ファイルのテンプレート）"));
            row.put("previous", r.number() > 1 ? r.number() - 1 : 0);
            rows.add(row);
        }
        Map<String, Object> model = base(c, step);
        model.put("revisions", rows);
        model.put("live", authoring.liveSource(c.id(), step).japanese());
        model.put("newest", history.isEmpty() ? 0 : history.get(history.size() - 1).number());
        editor.show(ctx, "history", model);
    }

    void diff(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        int step = editor.step(ctx, c);
        int older = number(ctx.queryParam("older"));
        int newer = number(ctx.queryParam("newer"));
        RevisionDiff diff;
        try {
            diff = authoring.diff(c.id(), step, Math.min(older, newer), Math.max(older, newer));
        } catch (AuthoringException e) {
            throw new AdminPages.NotFound("比べる版がありません。履歴から2つの版を選んでください。");
        }
        Map<String, Object> model = base(c, step);
        model.put("older", diff.older());
        model.put("newer", diff.newer());
        model.put("same", diff.same());
        model.put("fields", List.of(field("件名", diff.subject()), field("プレヘッダー", diff.preheader()),
                field("本文", diff.body())));
        editor.show(ctx, "diff", model);
    }

    /** The confirmation page: what restoring would do, and the button that does it. */
    void confirmRestore(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        int step = editor.step(ctx, c);
        int number = number(ctx.queryParam("revision"));
        Revision r = authoring.history(c.id(), step).stream().filter(x -> x.number() == number).findFirst()
                .orElseThrow(() -> new AdminPages.NotFound("第" + number + "版はありません。"));
        Map<String, Object> model = base(c, step);
        model.put("revision", r.number());
        model.put("subject", r.source().map(s -> s.subject()).orElse("（ファイルのテンプレート）"));
        model.put("live", authoring.liveSource(c.id(), step).japanese());
        model.put("sentNeverChanges", EditorWords.SENT_MAIL_NEVER_CHANGES);
        editor.show(ctx, "restore", model);
    }

    void restore(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        int step = editor.step(ctx, c);
        int number = number(ctx.formParam("revision"));
        try {
            authoring.restore(c.id(), step, number, ctx.formParam("note"));
        } catch (AuthoringException e) {
            if (e.notFound()) {
                throw new AdminPages.NotFound("第" + number + "版はありません。");
            }
            Map<String, Object> model = base(c, step);
            model.put("error", String.join(" ", e.japanese()));
            model.put("revision", number);
            model.put("subject", "");
            model.put("live", authoring.liveSource(c.id(), step).japanese());
            model.put("sentNeverChanges", EditorWords.SENT_MAIL_NEVER_CHANGES);
            ctx.status(400);
            editor.show(ctx, "restore", model);
            return;
        }
        ctx.redirect("/admin/campaigns/" + c.id() + "/mails/" + step + "/history?done=restored");
    }

    private Map<String, Object> base(Campaign c, int step) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", c.id());
        model.put("name", c.name());
        model.put("step", step);
        model.put("label", authoring.editableMails(c.id()).stream().filter(m -> m.step() == step).findFirst()
                .map(m -> m.label()).orElse(""));
        return model;
    }

    private static Map<String, Object> field(String label, List<LineDiff.Line> lines) {
        List<Map<String, Object>> rows = lines.stream().map(l -> Map.<String, Object>of("marker",
                EditorWords.marker(l.change()), "css", EditorWords.cssClass(l.change()), "text", l.text())).toList();
        return Map.of("label", label, "lines", rows,
                "changed", lines.stream().anyMatch(l -> l.change() != LineDiff.Change.SAME));
    }

    private static List<Revision> newestFirst(List<Revision> history) {
        List<Revision> copy = new ArrayList<>(history);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** A revision number from the URL or form; anything else is 0, which no revision has. */
    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
