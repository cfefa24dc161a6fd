package dev.tayori.report;

import dev.tayori.overview.JapaneseTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports as the admin templates see them: maps, since the template sandbox shows no record
 * accessors (templates admin/mailing.ftlh and admin/report-mailings.ftlh).
 */
public final class ReportModel {
    /** How many days after the first mail the per-mailing chart shows. */
    static final int CHART_DAYS = 14;

    private ReportModel() {
    }

    /** One mailing's page, with its figures, articles or links, failure list and charts. */
    public static Map<String, Object> mailing(Reports reports, MailingReport r, ZoneId zone, Instant now) {
        Mailing m = r.mailing();
        Map<String, Object> model = new HashMap<>();
        model.put("id", m.campaignId());
        model.put("campaignName", r.campaignName());
        model.put("label", m.label());
        model.put("title", r.title());
        model.put("issue", m.kind() == Mailing.Kind.ISSUE);
        model.put("date", JapaneseTime.dateTime(r.date(), zone, now));
        model.put("figures", figures(r.figures(), zone, now));
        List<Map<String, Object>> articles = new ArrayList<>();
        r.articles().forEach(a -> articles.add(Map.of("position", a.position(), "title", a.title(), "url", a.url(),
                "reread", a.reread(), "uniques", a.uniques(), "total", a.total())));
        model.put("articles", articles);
        List<Map<String, Object>> links = new ArrayList<>();
        r.otherLinks().forEach(l -> links.add(Map.of("url", l.url(), "uniques", l.uniques(), "total", l.total())));
        model.put("links", links);
        model.put("clicksCounted", r.clicksCounted() || r.figures().clicks() > 0);
        List<Map<String, Object>> failures = new ArrayList<>();
        r.failures().forEach(f -> failures.add(Map.of("at", JapaneseTime.dateTime(f.at(), zone, now), "who", f.whoJapanese(),
                "erased", f.erased(), "why", f.why(), "status", f.status(), "reason", f.reason())));
        model.put("failures", failures);
        model.put("failureCount", r.failureCount());
        model.put("path", m.path());
        model.put("charts", charts(reports, r, zone, now));
        return model;
    }

    /** The mailing's days: mail sent, then the readers' answers (clicks, unsubscribes, bounces). */
    private static List<String> charts(Reports reports, MailingReport r, ZoneId zone, Instant now) {
        if (r.figures().firstSent() == null) {
            return List.of();
        }
        LocalDate first = r.figures().firstSent().atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate last = first.plusDays(CHART_DAYS - 1);
        if (today.isBefore(last)) {
            last = today.isBefore(first) ? first : today;
        }
        Map<String, Map<LocalDate, Integer>> perDay = reports.perDay(r.mailing(), first, last);
        List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        List<String> labels = days.stream().map(d -> d.getMonthValue() + "/" + d.getDayOfMonth()).toList();
        List<BarChart.Series> answers = new ArrayList<>();
        if (r.clicksCounted() || r.figures().clicks() > 0) {
            answers.add(series("クリック", "series-b", days, perDay.get("clicks")));
        }
        answers.add(series("配信停止", "series-c", days, perDay.get("unsubscribed")));
        answers.add(series("配信不能", "series-d", days, perDay.get("bounced")));
        return List.of(
                BarChart.of("送信数（日別）", labels, List.of(series("送信", "series-a", days, perDay.get("sent"))), ReportModel::count),
                BarChart.of("読者の反応（日別）", labels, answers, ReportModel::count));
    }

    /**
     * Mailings side by side (a newsletter's recent issues, a sequence's lessons), oldest first: the
     * table rows and a chart of their rates.
     */
    public static Map<String, Object> sideBySide(Reports reports, List<Mailing> mailings, boolean clicksCounted,
            ZoneId zone, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Double> unsubscribes = new ArrayList<>();
        List<Double> bounces = new ArrayList<>();
        List<Double> clicks = new ArrayList<>();
        for (Mailing m : mailings) {
            Figures f = reports.figures(m);
            Map<String, Object> row = new HashMap<>();
            row.put("label", m.label());
            row.put("path", m.path());
            row.put("figures", figures(f, zone, now));
            rows.add(row);
            labels.add(m.label());
            unsubscribes.add(f.unsubscribeRate());
            bounces.add(f.bouncedRate());
            clicks.add(f.clickRate());
        }
        List<BarChart.Series> series = new ArrayList<>();
        if (clicksCounted) {
            series.add(new BarChart.Series("クリック率", "series-b", clicks));
        }
        series.add(new BarChart.Series("配信停止率", "series-c", unsubscribes));
        series.add(new BarChart.Series("配信不能率", "series-d", bounces));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("clicksCounted", clicksCounted);
        model.put("chart", mailings.isEmpty() ? "" : BarChart.of("率の比較", labels, series, Figures::shown));
        return model;
    }

    private static Map<String, Object> figures(Figures f, ZoneId zone, Instant now) {
        Map<String, Object> m = new HashMap<>();
        m.put("sent", f.sent());
        m.put("failed", f.failed());
        m.put("waiting", f.waiting());
        m.put("cancelled", f.cancelled());
        m.put("bounced", f.bounced());
        m.put("hard", f.hardBounced());
        m.put("complaints", f.complaints());
        m.put("unsubscribed", f.unsubscribed());
        m.put("newsletterOnly", f.newsletterOnly());
        m.put("clickers", f.clickers());
        m.put("clicks", f.clicks());
        m.put("failedRate", Figures.shown(f.failedRate()));
        m.put("bouncedRate", Figures.shown(f.bouncedRate()));
        m.put("complaintRate", Figures.shown(f.complaintRate()));
        m.put("unsubscribeRate", Figures.shown(f.unsubscribeRate()));
        m.put("clickRate", Figures.shown(f.clickRate()));
        m.put("firstSent", JapaneseTime.dateTime(f.firstSent(), zone, now));
        return m;
    }

    private static BarChart.Series series(String name, String cssClass, List<LocalDate> days, Map<LocalDate, Integer> values) {
        return new BarChart.Series(name, cssClass, days.stream().map(d -> (double) values.getOrDefault(d, 0)).toList());
    }

    private static String count(double v) {
        return String.valueOf(Math.round(v));
    }
}
