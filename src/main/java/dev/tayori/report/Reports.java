package dev.tayori.report;

import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.Sequence;
import dev.tayori.newsletter.Issue;
import dev.tayori.newsletter.IssueArticle;
import dev.tayori.newsletter.IssueDao;
import dev.tayori.newsletter.IssueModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The report of each mailing (README "Reports"): one newsletter issue, one announcement, one lesson of
 * a sequence, read from the database (delivery rows, bounce reports, unsubscribes through each mail's
 * link, clicks). The admin pages and `campaigns stats --issue/--step` both print what this returns.
 */
public final class Reports {
    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final boolean clicksCounted;
    private final ZoneId zone;

    public Reports(Jdbi jdbi, Campaigns campaigns, boolean clicksCounted, ZoneId zone) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.clicksCounted = clicksCounted;
        this.zone = zone;
    }

    /** An issue that was sent (a skipped slot has no number), or empty. */
    public Optional<Mailing> issue(Campaign c, int number) {
        if (!(c instanceof Newsletter) || issueRow(c.id(), number).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Mailing.issue(c.id(), number));
    }

    /** A lesson of a sequence, 1 to its last, or empty. */
    public Optional<Mailing> step(Campaign c, int number) {
        return c instanceof Sequence s && number >= 1 && number <= s.size()
                ? Optional.of(Mailing.step(c.id(), number)) : Optional.empty();
    }

    /** An announcement's one mail, or empty for a campaign of another kind. */
    public Optional<Mailing> announcement(Campaign c) {
        return c instanceof Announcement ? Optional.of(Mailing.announcement(c.id())) : Optional.empty();
    }

    /** The newsletter's latest issues that went out, newest first; skipped slots are left out. */
    public List<Mailing> recentIssues(Newsletter n, int limit) {
        return jdbi.withExtension(IssueDao.class, dao -> dao.recent(n.id(), limit * 2)).stream()
                .filter(i -> Issue.PLANNED.equals(i.state()) && i.number() != null)
                .limit(limit).map(i -> Mailing.issue(n.id(), i.number())).toList();
    }

    /** Every lesson of a sequence, first to last. */
    public List<Mailing> lessons(Sequence s) {
        List<Mailing> all = new ArrayList<>();
        for (int step = 1; step <= s.size(); step++) {
            all.add(Mailing.step(s.id(), step));
        }
        return all;
    }

    /** The whole report, with the first {@code failuresShown} lines of the failure list. */
    public MailingReport of(Mailing m, int failuresShown) {
        Campaign c = campaigns.get(m.campaignId());
        Figures figures = figures(m);
        // a modifiable copy: an issue's articles take their links out of it, the rest are "other links"
        List<LinkClicks> links = new ArrayList<>(dao(d -> d.clicksPerLink(m.condition(), m.campaignId(), m.itemKey(), m.step())));
        List<ArticleClicks> articles = new ArrayList<>();
        String title = c.name();
        Instant date = figures.firstSent();
        if (m.kind() == Mailing.Kind.ISSUE && c instanceof Newsletter n) {
            Issue issue = issueRow(c.id(), m.number()).orElseThrow();
            date = issue.slotAt();
            title = IssueModel.japaneseDate(issue.slotAt(), zone);
            for (IssueArticle a : jdbi.withExtension(IssueDao.class, dao -> dao.articlesOf(issue.id()))) {
                // the link as the mail carried it (with the file's link-parameters), else as the blog wrote it
                LinkClicks hit = take(links, IssueModel.articleLink(n, a)).or(() -> take(links, a.url()))
                        .orElse(new LinkClicks(a.url(), 0, 0));
                articles.add(new ArticleClicks(a.position(), a.title(), a.url(), a.reread(), hit.uniques(), hit.total()));
            }
        } else if (m.kind() == Mailing.Kind.STEP && c instanceof Sequence s) {
            title = s.step(m.number()).subject();
        }
        List<Failure> failures = new ArrayList<>();
        failures(m, failuresShown, failures::add);
        int failureCount = dao(d -> d.failureCount(m.condition(), m.campaignId(), m.itemKey(), m.step()));
        return new MailingReport(m, c.name(), title, date, figures, articles, links, clicksCounted, failures, failureCount);
    }

    /** The figures alone, for the side-by-side table. */
    public Figures figures(Mailing m) {
        return jdbi.withExtension(ReportDao.class, d -> {
            Map<String, Integer> byState = d.countsByState(m.condition(), m.campaignId(), m.itemKey(), m.step());
            ReportDao.SentSpan span = d.sentSpan(m.condition(), m.campaignId(), m.itemKey(), m.step());
            ReportDao.Reports reports = d.reports(m.condition(), m.campaignId(), m.itemKey(), m.step());
            ReportDao.Unsubscribes unsubscribes = d.unsubscribes(m.condition(), m.campaignId(), m.itemKey(), m.step());
            ReportDao.ClickTotals clicks = d.clicks(m.condition(), m.campaignId(), m.itemKey(), m.step());
            return new Figures(byState.getOrDefault("sent", 0), byState.getOrDefault("failed", 0),
                    byState.getOrDefault("planned", 0) + byState.getOrDefault("sending", 0),
                    byState.getOrDefault("cancelled", 0), reports.bounced(), reports.hard(), reports.complaints(),
                    unsubscribes.total(), unsubscribes.newsletterOnly(), clicks.uniques(), clicks.total(),
                    span.firstSent(), span.lastSent());
        });
    }

    /** The failure list, oldest first, a line at a time (at most {@code limit} lines). */
    public void failures(Mailing m, int limit, Consumer<Failure> each) {
        jdbi.useExtension(ReportDao.class, d -> {
            try (Stream<ReportDao.FailureRow> rows = d.failures(m.condition(), m.campaignId(), m.itemKey(), m.step(), limit)) {
                rows.map(Failure::of).forEach(each);
            }
        });
    }

    /** What the chart shows: per local day from {@code first} to {@code last}, sent, clicks, unsubscribed, bounced. */
    public Map<String, Map<LocalDate, Integer>> perDay(Mailing m, LocalDate first, LocalDate last) {
        long since = first.atStartOfDay(zone).toInstant().toEpochMilli();
        long until = last.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        // one offset for the whole range, as the campaign report does (Japan has no daylight saving time)
        long offset = zone.getRules().getOffset(first.atStartOfDay(zone).toInstant()).getTotalSeconds() * 1000L;
        Map<String, Map<LocalDate, Integer>> series = new HashMap<>();
        for (String what : List.of("sent", "clicks", "unsubscribed", "bounced")) {
            series.put(what, new TreeMap<>());
        }
        dao(d -> d.perDay(m.condition(), m.campaignId(), m.itemKey(), m.step(), since, until, offset))
                .forEach(row -> series.get(row.what()).put(LocalDate.ofEpochDay(row.day()), row.n()));
        return series;
    }

    private Optional<Issue> issueRow(String campaignId, int number) {
        return jdbi.withExtension(IssueDao.class, dao -> dao.findByNumber(campaignId, number))
                .filter(i -> Issue.PLANNED.equals(i.state()));
    }

    /** Removes and returns the link with this URL from {@code links}: what is left are the other links. */
    private static Optional<LinkClicks> take(List<LinkClicks> links, String url) {
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).url().equals(url)) {
                return Optional.of(links.remove(i));
            }
        }
        return Optional.empty();
    }

    private <T> T dao(java.util.function.Function<ReportDao, T> query) {
        return jdbi.withExtension(ReportDao.class, query::apply);
    }
}
