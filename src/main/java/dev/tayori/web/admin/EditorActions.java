package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.authoring.Authoring;
import dev.tayori.authoring.AuthoringException;
import dev.tayori.authoring.MailSource;
import dev.tayori.campaign.Campaign;
import dev.tayori.content.ContentException;
import dev.tayori.mail.EmailAddress;
import dev.tayori.mail.InvalidAddressException;
import dev.tayori.mail.SmtpFailure;
import dev.tayori.overview.TestCopy;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The editor's form (POST, CSRF-checked before it gets here): one form, four buttons (プレビュー,
 * 下書き保存, 公開, テスト送信), so the page works without JavaScript; and the script's preview.
 * A refused action shows the editor again with the words as typed, the problems with their lines,
 * and a 4xx status; nothing is written then.
 */
final class EditorActions {
    private final App app;
    private final AdminPages pages;
    private final EditorPages editor;
    private final Authoring authoring;

    EditorActions(App app, AdminPages pages, EditorPages editor) {
        this.app = app;
        this.pages = pages;
        this.editor = editor;
        this.authoring = app.authoring();
    }

    /** The live preview's answer, as JSON: the text part, the problems and the iframe's new URL. */
    void preview(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        int step = editor.step(ctx, c);
        ctx.header("Cache-Control", "no-store");
        ctx.json(editor.previewJson(authoring.preview(c.id(), step, EditorPages.words(ctx))));
    }

    void submit(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        int step = editor.step(ctx, c);
        MailSource words = EditorPages.words(ctx);
        String action = ctx.formParam("action") == null ? "preview" : ctx.formParam("action");
        Map<String, Object> form = new HashMap<>();
        String note = ctx.formParam("note") == null ? "" : ctx.formParam("note");
        String to = ctx.formParam("to") == null ? "" : ctx.formParam("to");
        form.put("note", note);
        form.put("testTo", to);
        String base = "/admin/campaigns/" + c.id() + "/mails/" + step;
        try {
            switch (action) {
                case "save" -> {
                    authoring.saveDraft(c.id(), step, words);
                    ctx.redirect(base + "?done=saved");
                    return;
                }
                case "publish" -> {
                    // through the draft, so the draft is cleared by the publish and the editor opens the live words
                    authoring.publishWords(c.id(), step, words, note);
                    ctx.redirect(base + "?done=published");
                    return;
                }
                case "test" -> {
                    int status = testCopy(c, step, words, to, form);
                    editor.editor(ctx, c, step, words, form, status);
                    return;
                }
                default -> {
                    editor.editor(ctx, c, step, words, form, 200);
                    return;
                }
            }
        } catch (AuthoringException e) {
            form.put("error", "保存できませんでした: " + String.join(" ", e.japanese()));
            editor.editor(ctx, c, step, words, form, 400);
        }
    }

    /** A test copy of the words on the page (saved or not), marked [テスト]; its outcome goes into the form. */
    private int testCopy(Campaign c, int step, MailSource words, String to, Map<String, Object> form) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(to.strip());
        } catch (InvalidAddressException e) {
            return testFailed(form, 400, dev.tayori.web.SignUpWords.address(e.reason()));
        }
        if (!authoring.validate(c.id(), step, words).isEmpty()) {
            return testFailed(form, 400, "本文などに直すところがあります（下の一覧）");
        }
        try {
            TestCopy.send(app, c, Math.max(step, 1), app.clock().instant(), address.address(), words);
        } catch (IllegalArgumentException | ContentException e) {
            return testFailed(form, 400, e.getMessage());
        } catch (SmtpFailure | IllegalStateException | InvalidAddressException e) {
            return testFailed(form, 502, "メールサーバーに送れませんでした（" + e.getMessage() + "）");
        }
        form.put("testSent", true);
        form.put("testResult", "テスト送信しました: " + address.address() + " 宛て（件名に [テスト] が付きます）");
        return 200;
    }

    private static int testFailed(Map<String, Object> form, int status, String why) {
        form.put("testSent", false);
        form.put("testResult", "テスト送信できませんでした: " + (why == null ? "" : why.strip().replaceAll("\\s+", " ")));
        return status;
    }

    void backToFile(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        int step = editor.step(ctx, c);
        String base = "/admin/campaigns/" + c.id() + "/mails/" + step;
        try {
            authoring.backToFile(c.id(), step, ctx.formParam("note"));
        } catch (AuthoringException e) {
            Map<String, Object> form = new HashMap<>();
            form.put("error", String.join(" ", e.japanese()));
            editor.editor(ctx, c, step, authoring.current(c.id(), step), form, 400);
            return;
        }
        ctx.redirect(base + "?done=file");
    }
}
