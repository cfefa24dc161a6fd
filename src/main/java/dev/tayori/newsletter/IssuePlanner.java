package dev.tayori.newsletter;

import dev.tayori.campaign.CampaignStateDao;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Newsletter;
import dev.tayori.content.Article;
import dev.tayori.content.ArticleSource;
import dev.tayori.content.ArticlesRead;
import dev.tayori.content.ContentException;
import dev.tayori.content.Excerpts;
import dev.tayori.delivery.Planner;
import dev.tayori.delivery.SendReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Decides, for each newsletter, whether the latest slot at an instant becomes an issue or a recorded
 * skip, and plans its deliveries. Slots missed while tayori was down are sent within the catch-up
 * window and skipped (and recorded) after it, so nobody gets a stale issue or two in one day.
 */
public final class IssuePlanner implements Planner {
    private final Jdbi jdbi;
    private final Campaigns campaigns;
    private final Supplier<ArticleSource> articles;
    private final Predicate<String> paused;
    private final String senderDomain;
    private final int batchSize;

    public IssuePlanner(Jdbi jdbi, Campaigns campaigns, Supplier<ArticleSource> articles, Predicate<String> paused,
            String senderDomain, int batchSize) {
        this.jdbi = jdbi;
        this.campaigns = campaigns;
        this.articles = articles;
        this.paused = paused;
        this.senderDomain = senderDomain;
        this.batchSize = batchSize;
    }

    @Override
    public void plan(Instant at, SendReport report) {
        for (Newsletter newsletter : campaigns.newsletters()) {
            report.of(newsletter.id()).planned += plan(newsletter, at, report);
        }
    }

    int plan(Newsletter newsletter, Instant at, SendReport report) {
        Optional<Instant> latestSlot = newsletter.latestSlotAtOrBefore(at);
        if (latestSlot.isEmpty()) {
            return 0;
        }
        Instant slot = latestSlot.get();
        IssueDao issues = jdbi.onDemand(IssueDao.class);
        int resumed = 0;
        for (Issue unfinished : issues.unfinishedPlanning(newsletter.id())) {
            resumed += planDeliveries(newsletter, unfinished, at);
        }
        if (issues.findBySlot(newsletter.id(), slot).isPresent()) {
            return resumed;
        }
        CampaignStateDao state = jdbi.onDemand(CampaignStateDao.class);
        state.seen(newsletter.id(), at);
        Duration late = Duration.between(slot, at);
        boolean lateBeyondWindow = late.compareTo(newsletter.catchUp()) > 0;
        if (lateBeyondWindow && issues.latest(newsletter.id()).isEmpty()
                && slot.isBefore(state.firstSeen(newsletter.id()).orElse(at))) {
            return resumed; // a slot from before this installation ran the newsletter: not ours, not "missed"
        }
        recordMissedSlotsBefore(newsletter, slot, at, report);
        if (paused.test(newsletter.id())) {
            skip(newsletter, slot, "paused by the operator", at, report);
            return 0;
        }
        if (lateBeyondWindow) {
            skip(newsletter, slot, "missed: tayori was not sending from " + slot + " until " + at
                    + ", more than the catch-up window of " + newsletter.catchUp().toHours() + " hours", at, report);
            return 0;
        }
        return resumed + buildIssue(newsletter, slot, at, report);
    }

    /** Records a slot that gets no issue, with the reason `campaigns show` and this run's report give. */
    private void skip(Newsletter newsletter, Instant slot, String reason, Instant at, SendReport report) {
        if (jdbi.withExtension(IssueDao.class, dao -> dao.insertSkipped(newsletter.id(), slot, reason, at)) > 0) {
            report.note(newsletter.id() + ": no issue for the slot of " + local(newsletter, slot) + ": " + reason);
        }
    }

    private static String local(Newsletter newsletter, Instant slot) {
        return dev.tayori.config.Formats.local(slot, newsletter.zone());
    }

    private void recordMissedSlotsBefore(Newsletter newsletter, Instant slot, Instant at, SendReport report) {
        IssueDao issues = jdbi.onDemand(IssueDao.class);
        Optional<Issue> last = issues.latest(newsletter.id());
        if (last.isEmpty()) {
            return; // the newsletter is new here: earlier slots were never this installation's to send
        }
        for (Instant missed = newsletter.nextSlotAfter(last.get().slotAt()); missed.isBefore(slot);
                missed = newsletter.nextSlotAfter(missed)) {
            skip(newsletter, missed, "missed: tayori was not sending at that time", at, report);
        }
    }

    /** What an issue at {@code slot} would feature: new articles, a re-read pick, or nothing. */
    public record Draft(List<Article> articles, boolean reread) {
    }

    /** Drafts the issue for a slot from the articles as they are now, recording nothing (also for preview). */
    public Optional<Draft> draft(Newsletter newsletter, Instant slot, List<Article> all) {
        IssueDao issues = jdbi.onDemand(IssueDao.class);
        // New means published since the issue before; the very first issue looks back a week.
        Instant since = issues.latestPlanned(newsletter.id()).map(Issue::slotAt)
                .filter(previous -> previous.isBefore(slot)).orElse(slot.minus(Duration.ofDays(7)));
        List<String> urls = all.stream().map(Article::url).toList();
        List<String> featuredAsNew = urls.isEmpty() ? List.of() : issues.featuredAsNew(newsletter.id(), urls);
        List<Article> fresh = ArticlePicker.newSince(all, since, slot, featuredAsNew, newsletter);
        if (!fresh.isEmpty()) {
            return Optional.of(new Draft(fresh, false));
        }
        if (!newsletter.rereadWhenNothingNew()) {
            return Optional.empty();
        }
        return ArticlePicker.reread(all, slot, issues.featuredInLastIssues(newsletter.id(), newsletter.rereadNotInLast()))
                .map(pick -> new Draft(List.of(pick), true));
    }

    private int buildIssue(Newsletter newsletter, Instant slot, Instant at, SendReport report) {
        List<Article> all;
        try {
            ArticlesRead read = articles.get().read();
            // Refused feed items are left out and told; the issue goes out with the good articles.
            read.refused().forEach(r -> report.warn(newsletter.id() + ": " + r));
            all = read.articles();
        } catch (ContentException e) {
            // Nothing is recorded: the next run tries again while the slot is within its catch-up window.
            report.warn(newsletter.id() + ": the issue for " + local(newsletter, slot) + " is not sent yet (the next run"
                    + " tries again): " + e.getMessage());
            return 0;
        }
        Optional<Draft> draft = draft(newsletter, slot, all);
        if (draft.isEmpty()) {
            skip(newsletter, slot, newsletter.rereadWhenNothingNew()
                    ? "no new articles since the last issue, and none left to re-read"
                    : "no new articles since the last issue (when-nothing-new: skip)", at, report);
            return 0;
        }
        return record(newsletter, slot, at, draft.get().articles(), draft.get().reread());
    }

    private int record(Newsletter newsletter, Instant slot, Instant at, List<Article> featured, boolean reread) {
        Optional<Issue> issue = jdbi.inTransaction(h -> {
            IssueDao dao = h.attach(IssueDao.class);
            int number = dao.latestPlanned(newsletter.id()).map(i -> i.number() + 1).orElse(1);
            String prefix = newsletter.id() + "-" + number + "-" + UUID.randomUUID().toString().substring(0, 8);
            if (dao.insertPlanned(newsletter.id(), number, slot, at, prefix) == 0) {
                return Optional.<Issue>empty(); // another process planned this slot first
            }
            Issue created = dao.findBySlot(newsletter.id(), slot).orElseThrow();
            for (int i = 0; i < featured.size(); i++) {
                Article a = featured.get(i);
                dao.insertArticle(created.id(), i + 1, a.url(), a.title(), a.published(),
                        Excerpts.excerpt(a.html(), newsletter.excerptLength()), reread);
            }
            return Optional.of(created);
        });
        if (issue.isEmpty()) {
            return 0;
        }
        return planDeliveries(newsletter, issue.get(), at);
    }

    /**
     * Plans the issue's deliveries in id ranges, one transaction each, recording how far it got in the
     * same transaction: after a crash the next run resumes from there.
     */
    private int planDeliveries(Newsletter newsletter, Issue issue, Instant at) {
        int planned = 0;
        long afterId = issue.plannedToId();
        while (true) {
            long from = afterId;
            Long upTo = jdbi.withExtension(IssueDao.class, dao -> dao.lastConfirmedIdUpTo(from, batchSize));
            if (upTo == null) {
                jdbi.useExtension(IssueDao.class, dao -> dao.plannedTo(issue.id(), from, true));
                return planned;
            }
            planned += jdbi.inTransaction(h -> {
                IssueDao dao = h.attach(IssueDao.class);
                int n = dao.planDeliveries(newsletter.id(), Issue.itemKey(issue.number()), issue.slotAt(), at,
                        issue.messageIdPrefix(), senderDomain, from, batchSize);
                dao.plannedTo(issue.id(), upTo, false);
                return n;
            });
            afterId = upTo;
        }
    }
}
