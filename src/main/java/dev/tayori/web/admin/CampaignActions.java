package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Sequence;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * The campaign page's forms but scheduling ({@link ScheduleForm}) (POST, CSRF-checked before they get here). A done action redirects with
 * a notice key; a refused one shows the page again with the reason and a 4xx status, the operator's
 * input still in the form.
 */
final class CampaignActions {
    private final App app;
    private final AdminPages pages;

    CampaignActions(App app, AdminPages pages) {
        this.app = app;
        this.pages = pages;
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
