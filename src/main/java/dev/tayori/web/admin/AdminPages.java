package dev.tayori.web.admin;

import dev.tayori.App;
import dev.tayori.announcement.Audience;
import dev.tayori.newsletter.Issue;
import dev.tayori.newsletter.IssueDao;
import dev.tayori.overview.JapaneseTime;
import dev.tayori.overview.Words;
import dev.tayori.sequence.Enrollment;
import java.time.Instant;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.Sequence;
import dev.tayori.delivery.Delivery;
import dev.tayori.delivery.DeliveryDao;
import dev.tayori.overview.CampaignOverview;
import dev.tayori.config.Formats;
import dev.tayori.overview.MailPreview;
import dev.tayori.overview.OverviewDao;
import dev.tayori.overview.SvgChart;
import dev.tayori.render.Templates;
import dev.tayori.subscriber.Subscriber;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The operator's pages under /admin: dashboard, campaigns, subscribers, reports (the campaign forms: CampaignActions). */
final class AdminPages {
    /** A campaign or subscriber the URL names that does not exist: shown as the 404 page. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** How many of a campaign's bounces and replies its report page lists, newest first. */
    private static final int REPORTS_SHOWN = 100;

    private final App app;
    private final Templates templates;
    private final ZoneId zone;
    private final Audience audience;

    AdminPages(App app, Audience audience) {
        this.app = app;
        this.audience = audience;
        this.templates = app.templates();
        this.zone = app.settings().timezone();
    }

    void show(Context ctx, String page, Map<String, Object> model) {
        dev.tayori.signin.AdminSessions.Session session = ctx.attribute("session");
        model.put("csrf", session == null ? "" : session.csrf());
        model.put("senderName", app.settings().sender().name());
        String notice = Notices.of(ctx.queryParam("done"));
        if (notice != null) {
            model.put("notice", notice);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.render("admin/" + page + ".ftlh", model));
    }

    void dashboard(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        Map<String, Integer> byStatus = app.jdbi().withExtension(OverviewDao.class, OverviewDao::subscribersByStatus);
        model.put("byStatus", Map.of("pending", byStatus.getOrDefault("pending", 0),
                "confirmed", byStatus.getOrDefault("confirmed", 0),
                "unsubscribed", byStatus.getOrDefault("unsubscribed", 0),
                "bounced", byStatus.getOrDefault("bounced", 0)));
        LocalDate today = app.clock().instant().atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(29);
        long offset = zone.getRules().getOffset(app.clock().instant()).getTotalSeconds() * 1000L;
        Map<Long, Integer> perDay = app.jdbi().withExtension(OverviewDao.class,
                dao -> dao.signUpsPerDay(first.atStartOfDay(zone).toInstant().toEpochMilli(), offset));
        model.put("signUpChart", SvgChart.daily("登録数（日別、過去30日）", first, today, byDay(perDay)));
        Map<Campaign, CampaignOverview> overviews = new java.util.LinkedHashMap<>();
        for (Campaign c : app.campaigns().all()) {
            overviews.put(c, CampaignOverview.of(app, c, app.clock().instant()));
        }
        List<Map<String, Object>> next = new ArrayList<>();
        overviews.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(CampaignOverview.SOONEST_FIRST))
                .forEach(e -> next.add(CampaignView.of(e.getKey(), e.getValue(), zone, app.clock().instant())));
        model.put("nextSends", next);
        model.put("fileProblems", FileProblemWords.of(app.reloader().problems()));
        model.put("warnings", app.warnings().now().stream().map(dev.tayori.health.Warning::forPage).toList());
        show(ctx, "dashboard", model);
    }

    void campaigns(Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Campaign c : app.campaigns().all()) {
            rows.add(CampaignView.of(c, CampaignOverview.of(app, c, app.clock().instant()), zone, app.clock().instant()));
        }
        show(ctx, "campaigns", new HashMap<>(Map.of("campaigns", rows)));
    }

    /** The campaign named in the path; an unknown one is the 404 page. */
    Campaign campaignOf(Context ctx) {
        String id = ctx.pathParam("id");
        return app.campaigns().find(id).orElseThrow(() -> new NotFound("キャンペーン「" + id + "」はありません。"));
    }

    void campaign(Context ctx) {
        campaign(ctx, Map.of(), 200);
    }

    /** The campaign page, with what a refused or finished form adds to it (its error, its input, its outcome). */
    void campaign(Context ctx, Map<String, Object> fromForm, int status) {
        Campaign c = campaignOf(ctx);
        Instant now = app.clock().instant();
        CampaignOverview o = CampaignOverview.of(app, c, now);
        Map<String, Object> model = new HashMap<>(CampaignView.of(c, o, zone, now));
        model.put("atValue", "");
        model.put("segmentValue", c instanceof Announcement a ? a.segment() : "");
        model.put("beforeValue", "");
        model.put("testTo", "");
        model.put("testStep", "1");
        model.put("details", details(c));
        model.put("steps", c instanceof Sequence s ? s.size() : 0);
        model.put("announcement", c instanceof Announcement);
        if (c instanceof Announcement) {
            model.putAll(AnnouncementView.of(o, audience, zone, now));
        }
        model.putAll(fromForm);
        ctx.status(status);
        show(ctx, "campaign", model);
    }

    /** The mail as the subscriber will see it: the HTML part, for an iframe on the campaign page. */
    void preview(Context ctx) {
        Campaign c = campaignOf(ctx);
        int steps = c instanceof Sequence s ? s.size() : 1;
        String stepText = ctx.queryParam("step");
        int step = stepText == null ? 1 : stepNumber(stepText, steps);
        String html;
        int status = 200;
        if (step < 1) {
            status = 400;
            html = "<p>何通目かは 1 から " + steps + " の数で指定してください。</p>";
        } else {
            try {
                html = MailPreview.render(app, c, step, app.clock().instant(), "読者", "reader@example.jp").mail().html();
            } catch (MailPreview.NothingToSend e) {
                html = "<p>次の号は、前の号のあと新しい記事がないため見送られる予定です（プレビューする号がありません）。</p>";
            } catch (IllegalArgumentException | dev.tayori.content.ContentException e) {
                // why there is nothing to preview (no article for the next issue, ...): the operator's words from the planner
                html = "<p>プレビューできません: " + e.getMessage().replace("&", "&amp;").replace("<", "&lt;") + "</p>";
            }
        }
        dev.tayori.web.SecurityHeaders.mailHtml(ctx);
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(html);
    }

    void report(Context ctx) {
        Campaign c = campaignOf(ctx);
        long offset = zone.getRules().getOffset(app.clock().instant()).getTotalSeconds() * 1000L;
        Map<LocalDate, Integer> sent = byDay(app.jdbi().withExtension(DeliveryDao.class, dao -> dao.sentPerDay(c.id(), offset)));
        Map<LocalDate, Integer> unsubscribed = byDay(app.jdbi().withExtension(OverviewDao.class,
                dao -> dao.unsubscribesPerDay(c.id(), offset)));
        LocalDate today = app.clock().instant().atZone(zone).toLocalDate();
        LocalDate first = sent.keySet().stream().min(LocalDate::compareTo).orElse(today.minusDays(13));
        if (first.isAfter(today.minusDays(13))) {
            first = today.minusDays(13);
        }
        Map<String, Integer> counts = app.jdbi().withExtension(DeliveryDao.class, dao -> dao.countsByState(c.id()));
        Map<String, Object> model = new HashMap<>();
        model.put("id", c.id());
        model.put("name", c.name());
        model.put("sentChart", SvgChart.daily("送信数（日別）", first, today, sent));
        model.put("unsubscribeChart", SvgChart.daily("配信停止（日別）", first, today, unsubscribed));
        model.put("sent", counts.getOrDefault("sent", 0));
        model.put("failed", counts.getOrDefault("failed", 0));
        model.put("waiting", counts.getOrDefault("planned", 0) + counts.getOrDefault("sending", 0));
        model.put("cancelled", counts.getOrDefault("cancelled", 0));
        model.put("unsubscribed", unsubscribed.values().stream().mapToInt(Integer::intValue).sum());
        model.put("clicks", app.clicks().forPage(c.id()));
        model.put("mailings", MailingPages.sideBySide(app, c)); // templates/admin/report-mailings.ftlh
        List<Map<String, Object>> reports = new ArrayList<>();
        app.bounces().latestOfCampaign(c.id(), REPORTS_SHOWN).forEach(e -> reports.add(Map.of(
                "at", Formats.local(e.receivedAt(), zone), "kind", e.kind().japanese(),
                "status", e.statusCode() == null ? "" : e.statusCode(), "recipient", e.recipient() == null ? "" : e.recipient(),
                "diagnostic", e.diagnostic() == null ? "" : e.diagnostic())));
        model.put("reports", reports);
        model.put("reportsShown", REPORTS_SHOWN);
        show(ctx, "report", model);
    }

    void subscriber(Context ctx) {
        Subscriber s = subscriberOf(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("id", s.id());
        model.put("email", s.email());
        model.put("name", s.name());
        model.put("status", s.status().db());
        model.put("statusWords", Words.of("subscriber", s.status().db()));
        model.put("created", Formats.local(s.createdAt(), zone));
        model.put("confirmed", Formats.local(s.confirmedAt(), zone));
        model.put("unsubscribed", Formats.local(s.unsubscribedAt(), zone));
        List<Map<String, Object>> consents = new ArrayList<>();
        app.subscribers().consents(s.id()).forEach(c -> consents.add(Map.of("at", Formats.local(c.at(), zone),
                "event", Words.consent(c.event(), c.source()), "origin", Words.origin(c.origin()),
                "agent", c.userAgent() == null ? "" : c.userAgent(), "form", c.formVersion() == null ? "" : c.formVersion(),
                "wording", app.subscribers().consentWording(c.formVersion()).orElse(""))));
        model.put("consents", consents); // templates/admin/subscriber-consent.ftlh
        model.put("erased", s.erased());
        List<Map<String, Object>> enrollments = new ArrayList<>();
        app.enrollments().of(s.id()).forEach(e -> enrollments.add(Map.of("sequence", campaignName(e.sequenceId()),
                "state", Words.of("enrollment", e.state()),
                "next", Enrollment.ACTIVE.equals(e.state()) ? Words.item(Delivery.stepKey(e.nextStep(), 1)) : "-",
                "due", Enrollment.ACTIVE.equals(e.state()) ? Formats.local(e.nextDueAt(), zone) : "-")));
        model.put("enrollments", enrollments);
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (Delivery d : app.jdbi().withExtension(DeliveryDao.class, dao -> dao.ofSubscriber(s.id()))) {
            deliveries.add(Map.of("campaign", campaignName(d.campaignId()), "item", Words.item(d.itemKey()),
                    "state", Words.of("delivery", d.state()),
                    "at", Formats.local(d.sentAt() != null ? d.sentAt() : d.plannedAt(), zone),
                    "error", d.lastError() == null ? "" : d.lastError()));
        }
        model.put("deliveries", deliveries);
        List<Map<String, Object>> reports = new ArrayList<>();
        app.bounces().of(s.id()).forEach(e -> reports.add(Map.of("at", Formats.local(e.receivedAt(), zone),
                "kind", e.kind().japanese(), "status", e.statusCode(),
                "campaign", e.campaignId() == null ? "-" : campaignName(e.campaignId()), "diagnostic", e.diagnostic(),
                "message", e.messageId() == null ? "" : e.messageId())));
        model.put("reports", reports);
        ReaderActions.addTo(ctx, s, model, app); // the readers pages' part: tags, their notices
        show(ctx, "subscriber", model);
    }

    // --- actions (POST, CSRF-checked before they get here) ---

    void unsubscribe(Context ctx) {
        Subscriber s = subscriberOf(ctx);
        app.subscribers().unsubscribe(s, "admin page");
        ctx.redirect("/admin/subscribers/" + s.id() + "?done=unsubscribed");
    }

    /** Undoes a wrong bounce; the operator's reason is kept with the reader's bounces. */
    void unbounce(Context ctx) {
        Subscriber s = subscriberOf(ctx);
        String reason = ctx.formParam("reason") == null ? "" : ctx.formParam("reason").strip();
        if (reason.isEmpty() || reason.length() > 500 || reason.chars().anyMatch(Character::isISOControl)) {
            ctx.redirect("/admin/subscribers/" + s.id() + "?done=unbounce-needs-reason");
            return;
        }
        if (s.status() == dev.tayori.subscriber.SubscriberStatus.BOUNCED) {
            app.bounces().unbounce(s.email(), reason + " (admin page)");
        }
        ctx.redirect("/admin/subscribers/" + s.id() + "?done=unbounced");
    }

    /** The 404 page, for a campaign or subscriber that is not there. */
    void notFound(Context ctx, String message) {
        ctx.status(404);
        show(ctx, "not-found", new HashMap<>(Map.of("message", message)));
    }

    /** A campaign's name for a row that names it by id; the id itself when its file is gone. */
    private String campaignName(String id) {
        return app.campaigns().find(id).map(Campaign::name).orElse(id);
    }

    /** A newsletter's recent issues in words: 「11月24日(火) 07:00 第3号」 or 「… 見送り」. */
    private List<String> details(Campaign c) {
        List<String> lines = new ArrayList<>();
        if (c instanceof Newsletter n) {
            Instant now = app.clock().instant();
            for (Issue i : app.jdbi().withExtension(IssueDao.class, dao -> dao.recent(n.id(), 5))) {
                lines.add(JapaneseTime.dateTime(i.slotAt(), zone, now) + " "
                        + (Issue.PLANNED.equals(i.state()) ? Words.item(Issue.itemKey(i.number())) : "見送り"));
            }
        }
        return lines;
    }

    /** Operator input quoted back on a page: at most 60 characters, without control characters. */
    static String shortened(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }

    Subscriber subscriberOf(Context ctx) {
        String id = ctx.pathParam("id");
        return app.subscribers().byId(number(id)).orElseThrow(() -> new NotFound("購読者「" + id + "」はいません。"));
    }

    /** A step number from 1 to {@code steps}, or 0 for anything else (text, negative, too large for an int). */
    static int stepNumber(String text, int steps) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= steps ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An id or page position from the URL; anything else is 0, which matches nobody and starts lists at the top. */
    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Map<LocalDate, Integer> byDay(Map<Long, Integer> epochDays) {
        Map<LocalDate, Integer> days = new TreeMap<>();
        epochDays.forEach((day, n) -> days.put(LocalDate.ofEpochDay(day), n));
        return days;
    }
}
