package dev.tayori.web.admin;

import dev.tayori.App;
import io.javalin.Javalin;

/**
 * The editor's routes under /admin (signed in and CSRF-checked by AdminRoutes' guard, like the
 * others). A mail is /admin/campaigns/ID/mails/STEP: a lesson 1…N, or 0 for an announcement's mail
 * and the newsletter's words.
 */
public final class EditorRoutes {
    private EditorRoutes() {
    }

    static void register(Javalin web, App app, AdminPages pages) {
        EditorPages editor = new EditorPages(app, pages);
        EditorActions actions = new EditorActions(app, pages, editor);
        RevisionPages revisions = new RevisionPages(app, pages, editor);
        NewAnnouncementPage announcement = new NewAnnouncementPage(app, editor);
        AddStepPage addStep = new AddStepPage(app, pages, editor);
        String mail = "/admin/campaigns/{id}/mails/{step}";
        web.get("/admin/announcements/new", announcement::form);
        web.post("/admin/announcements/new", announcement::submit);
        web.post("/admin/announcements/new/preview", announcement::preview);
        web.get("/admin/campaigns/{id}/mails", editor::mails);
        web.get("/admin/campaigns/{id}/steps/new", addStep::form);
        web.post("/admin/campaigns/{id}/steps/new", addStep::submit);
        web.post("/admin/campaigns/{id}/steps/new/preview", addStep::preview);
        web.get(mail, editor::editor);
        web.post(mail, actions::submit);
        web.post(mail + "/preview", actions::preview);
        web.post(mail + "/back-to-file", actions::backToFile);
        web.get(mail + "/history", revisions::history);
        web.get(mail + "/diff", revisions::diff);
        web.get(mail + "/restore", revisions::confirmRestore);
        web.post(mail + "/restore", revisions::restore);
        web.get("/admin/preview-frames/{key}", editor::frame);
    }
}
