package dev.tayori.web.api;

import dev.tayori.App;
import dev.tayori.authoring.AuthoringException;
import dev.tayori.authoring.AuthoringProblem;
import dev.tayori.authoring.MailSource;
import dev.tayori.authoring.Revision;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.overview.CampaignOverview;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writing mail through the API (issue 12): a new announcement in Markdown, a new draft or revision of
 * one mail, and a campaign's revisions. A mail is a campaign and a step, as in the editor: lessons
 * 1…N of a sequence, 0 for an announcement's mail and for the newsletter's own words. Refusals say
 * the field (and the body's line) in "error" and, one by one, in "problems"; nothing is written then.
 */
public final class CampaignWritingRoutes {
    static final Set<String> CREATE_FIELDS = Set.of("id", "kind", "name", "subject", "preheader", "body_markdown", "segment");
    static final Set<String> STEP_FIELDS = Set.of("subject", "preheader", "body_markdown", "publish", "note");

    private CampaignWritingRoutes() {
    }

    public static void register(Javalin web, App app) {
        web.post("/api/campaigns", ctx -> create(app, ctx));
        web.put("/api/campaigns/{id}/steps/{step}", ctx -> putStep(app, ctx));
        web.get("/api/campaigns/{id}/revisions", ctx -> revisions(app, ctx));
    }

    private static void create(App app, Context ctx) {
        ApiInput.Body in = ApiInput.object(ctx, CREATE_FIELDS);
        String kind = in.required("kind", "announcement");
        if (!kind.equals("announcement")) {
            throw new ApiInput.Problem(400, "'kind' must be \"announcement\": sequences and newsletters are written"
                    + " as campaign files; it was '" + ApiInput.printable(kind) + "'");
        }
        MailSource words = new MailSource(in.text("subject"), in.text("preheader"), in.text("body_markdown"));
        Announcement made;
        try {
            made = app.authoring().createAnnouncement(in.text("id"), in.text("name"), words, in.text("segment"));
        } catch (AuthoringException e) {
            refused(ctx, e);
            return;
        }
        ctx.status(201).json(campaign(app, made, words));
    }

    private static void putStep(App app, Context ctx) {
        Campaign c = campaign(app, ctx);
        int step = step(ctx);
        ApiInput.Body in = ApiInput.object(ctx, STEP_FIELDS);
        MailSource words = new MailSource(in.text("subject"), in.text("preheader"), in.text("body_markdown"));
        boolean publish = in.flag("publish");
        String note = in.text("note");
        var authoring = app.authoring();
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            if (publish) {
                Revision r = authoring.publishWords(c.id(), step, words, note);
                body.put("revision", r.number());
            } else {
                authoring.saveDraft(c.id(), step, words);
                body.put("revision", null);
            }
            body.put("live", authoring.liveSource(c.id(), step).english());
        } catch (AuthoringException e) {
            if (e.notFound()) {
                throw new ApiInput.Problem(404, "there is no step " + step + " in '" + c.id() + "': " + steps(c));
            }
            refused(ctx, e);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaign", c.id());
        answer.put("step", step);
        answer.put("state", publish ? "published" : "draft");
        answer.putAll(body);
        answer.put("subject", words.subject());
        ctx.json(answer);
    }

    private static void revisions(App app, Context ctx) {
        Campaign c = campaign(app, ctx);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Revision r : app.authoring().revisions(c.id())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("revision", r.number());
            item.put("step", r.step());
            item.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
            item.put("published_at", r.publishedAt().toString());
            item.put("note", r.note());
            item.put("subject", r.source().map(MailSource::subject).orElse(null));
            r.restoredFrom().ifPresent(n -> item.put("restored_from", n));
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaign", c.id());
        answer.put("revisions", items);
        ctx.json(answer);
    }

    private static Map<String, Object> campaign(App app, Announcement a, MailSource words) {
        CampaignOverview o = CampaignOverview.of(app, a, app.clock().instant());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("kind", a.kind());
        m.put("name", a.name());
        m.put("segment", a.segment());
        m.put("subject", words.subject());
        m.put("preheader", words.preheader());
        m.put("live", app.authoring().liveSource(a.id(), 0).english());
        m.put("state", o.state());
        m.put("next_send", o.nextSend());
        return m;
    }

    /** 400 naming each field (and the body's line), 409 for an id in use, 404 for a mail that is not there. */
    private static void refused(Context ctx, AuthoringException e) {
        int status = e.conflict() ? 409 : e.notFound() ? 404 : 400;
        List<Map<String, Object>> problems = new ArrayList<>();
        for (AuthoringProblem p : e.problems()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", p.field().apiName());
            item.put("line", p.line() > 0 ? p.line() : null);
            item.put("message", p.english());
            problems.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("problems", problems);
        ctx.status(status).json(body);
    }

    private static Campaign campaign(App app, Context ctx) {
        String id = ctx.pathParam("id");
        return app.campaigns().find(id).orElseThrow(() -> new ApiInput.Problem(404, "there is no campaign '"
                + ApiInput.printable(id) + "'; campaigns: "
                + String.join(", ", app.campaigns().all().stream().map(Campaign::id).toList())));
    }

    private static String steps(Campaign c) {
        return c instanceof dev.tayori.campaign.Sequence s ? "its lessons are steps 1 to " + s.size()
                : "the " + c.kind() + "'s words are step 0";
    }

    /** The step from the path as a whole number; a step the campaign does not have is 404 from authoring. */
    private static int step(Context ctx) {
        String text = ctx.pathParam("step");
        try {
            int step = Integer.parseInt(text);
            if (step >= 0) {
                return step;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ApiInput.Problem(404, "there is no step '" + ApiInput.printable(text)
                + "': lessons of a sequence are 1, 2, …; an announcement's mail and the newsletter's words are 0");
    }
}
