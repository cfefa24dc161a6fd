package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Sequence;
import dev.tayori.config.Instants;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The campaign page's forms (POST, CSRF-checked before they get here). A done action redirects with
 * a notice key; a refused one shows the page again with the reason and a 4xx status, the operator's
 * input still in the form.
 */
final class CampaignActions {
    private final App app;
    private final AdminPages pages;
    private final ZoneId zone;

    CampaignActions(App app, AdminPages pages) {
        this.app = app;
        this.pages = pages;
        this.zone = app.settings().timezone();
    }

    void pause(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        app.control().pause(c.id(), "admin page");
        ctx.redirect("/admin/campaigns/" + c.id() + "?done=paused");
    }

    void resume(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        app.control().resume(c.id());
        ctx.redirect("/admin/campaigns/" + c.id() + "?done=resumed");
    }

    void schedule(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        String atText = ctx.formParam("at");
        String segment = ctx.formParam("segment");
        Map<String, Object> form = new HashMap<>();
        form.put("atValue", atText == null ? "" : atText);
        form.put("segmentValue", segment == null ? "" : segment);
        Instant at;
        try {
            // a datetime-local field has no offset: Instants reads it in the operator's time zone
            at = Instants.parse(atText, zone);
        } catch (Instants.Refused e) {
            form.put("error", e.kind() == Instants.Refused.Kind.OUT_OF_RANGE
                    ? "日時は2000年から2100年までの間で指定してください。" : "日時の形式が正しくありません。例: 2026-12-01T12:00");
            pages.campaign(ctx, form, 400);
            return;
        }
        try {
            app.announcements().schedule(c.id(), at, segment == null || segment.isBlank() ? null : segment.strip());
        } catch (IllegalArgumentException e) {
            form.put("error", "予約できませんでした: " + e.getMessage());
            pages.campaign(ctx, form, 400);
            return;
        } catch (IllegalStateException e) {
            form.put("error", "予約できませんでした: " + e.getMessage());
            pages.campaign(ctx, form, 409);
            return;
        }
        ctx.redirect("/admin/campaigns?done=scheduled");
    }

    void unschedule(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        boolean done = app.announcements().unschedule(c.id());
        ctx.redirect("/admin/campaigns/" + c.id() + "?done=" + (done ? "unscheduled" : "not-unscheduled"));
    }

    /** Shows the page again with the outcome: the address is the operator's input, not for a URL. */
    void testSend(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        TestSend.Result result = TestSend.send(app, c, ctx.formParam("step"), ctx.formParam("to"));
        Map<String, Object> model = new HashMap<>();
        model.put("testResult", result.line());
        model.put("testSent", result.sent());
        model.put("testTo", ctx.formParam("to") == null ? "" : ctx.formParam("to"));
        model.put("testStep", c instanceof Sequence && ctx.formParam("step") != null ? ctx.formParam("step") : "1");
        pages.campaign(ctx, model, result.status());
    }
}
