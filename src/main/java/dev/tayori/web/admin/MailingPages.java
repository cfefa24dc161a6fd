package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.Sequence;
import dev.tayori.report.FailuresCsv;
import dev.tayori.report.Mailing;
import dev.tayori.report.ReportModel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report per mailing (report/): /admin/campaigns/ID/report/issues/N, …/steps/N and …/mail (an
 * announcement), each with …/failures.csv. Only the page glue is here: which mailing the path names
 * (an unknown one is the 404 page), and the page or the file.
 */
final class MailingPages {
    /** How many lines of the failure list a page shows; the CSV has every one. */
    static final int FAILURES_SHOWN = 100;
    /** How many of a newsletter's latest issues its report page sets side by side. */
    static final int ISSUES_SIDE_BY_SIDE = 12;

    private final App app;
    private final AdminPages pages;

    private MailingPages(App app, AdminPages pages) {
        this.app = app;
        this.pages = pages;
    }

    static void register(Javalin web, App app, AdminPages pages) {
        MailingPages p = new MailingPages(app, pages);
        for (String mailing : List.of("issues/{n}", "steps/{n}", "mail")) {
            web.get("/admin/campaigns/{id}/report/" + mailing, p::page);
            web.get("/admin/campaigns/{id}/report/" + mailing + "/failures.csv", p::failures);
        }
    }

    private void page(Context ctx) {
        Mailing m = mailingOf(ctx);
        var report = app.reports().of(m, FAILURES_SHOWN);
        Map<String, Object> model = new HashMap<>(ReportModel.mailing(app.reports(), report, app.settings().timezone(),
                app.clock().instant()));
        model.put("failuresShown", FAILURES_SHOWN);
        pages.show(ctx, "mailing", model);
    }

    private void failures(Context ctx) throws Exception {
        Mailing m = mailingOf(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + FailuresCsv.fileName(m) + "\"");
        ctx.header("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        FailuresCsv.write(app.reports(), m, app.settings().timezone(), out);
        out.flush();
    }

    /** The mailing the path names: an issue that went out, a lesson of the sequence, an announcement's mail. */
    private Mailing mailingOf(Context ctx) {
        Campaign c = pages.campaignOf(ctx);
        String path = ctx.path();
        if (path.contains("/report/mail")) {
            return app.reports().announcement(c).orElseThrow(() -> new AdminPages.NotFound(
                    "「" + c.name() + "」はお知らせではありません。号やレッスンごとのレポートはキャンペーンのレポートから開けます。"));
        }
        String n = ctx.pathParam("n");
        int number = n.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(n) : 0;
        if (path.contains("/report/issues/")) {
            return app.reports().issue(c, number).orElseThrow(() -> new AdminPages.NotFound(
                    "「" + c.name() + "」に第" + AdminPages.shortened(n) + "号はありません（送った号だけレポートがあります）。"));
        }
        return app.reports().step(c, number).orElseThrow(() -> new AdminPages.NotFound(
                "「" + c.name() + "」に" + AdminPages.shortened(n) + "通目のレッスンはありません。"));
    }

    /** For the campaign's report page: its mailings side by side, oldest first, each linked to its own page. */
    static Map<String, Object> sideBySide(App app, Campaign c) {
        List<Mailing> mailings = new ArrayList<>();
        String heading;
        if (c instanceof Newsletter n) {
            mailings.addAll(app.reports().recentIssues(n, ISSUES_SIDE_BY_SIDE));
            Collections.reverse(mailings);
            heading = "号ごとのレポート（最近の" + ISSUES_SIDE_BY_SIDE + "号まで）";
        } else if (c instanceof Sequence s) {
            mailings.addAll(app.reports().lessons(s));
            heading = "レッスンごとのレポート";
        } else if (c instanceof Announcement) {
            mailings.add(Mailing.announcement(c.id()));
            heading = "このお知らせのレポート";
        } else {
            return Map.of("heading", "", "rows", List.of(), "chart", "", "clicksCounted", false);
        }
        Map<String, Object> model = new HashMap<>(ReportModel.sideBySide(app.reports(), mailings,
                app.settings().tracking().clicks(), app.settings().timezone(), app.clock().instant()));
        model.put("heading", heading);
        return model;
    }
}
