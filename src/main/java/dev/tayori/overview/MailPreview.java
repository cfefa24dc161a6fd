package dev.tayori.overview;

import dev.tayori.config.Formats;
import dev.tayori.App;
import dev.tayori.authoring.LiveMail;
import dev.tayori.authoring.MailSource;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.Sequence;
import dev.tayori.campaign.Step;
import dev.tayori.content.Article;
import dev.tayori.content.Excerpts;
import dev.tayori.newsletter.IssueArticle;
import dev.tayori.newsletter.IssueModel;
import dev.tayori.newsletter.IssuePlanner;
import dev.tayori.render.MailModel;
import dev.tayori.render.RenderedMail;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a campaign's mail as a subscriber would get it, without recording anything: for
 * `campaigns preview` and `campaigns test-send`.
 */
public final class MailPreview {
    /** The rendered mail, and for a newsletter a line per featured article. */
    public record Preview(RenderedMail mail, List<String> notes) {
    }

    /**
     * The newsletter's next slot would get no issue under its file's policy. Not a mistake of the
     * operator's, so `campaigns preview` says so and exits 0; it stays an IllegalArgumentException
     * for the callers that only need a readable reason (the admin page's preview frame).
     */
    public static final class NothingToSend extends IllegalArgumentException {
        NothingToSend(Newsletter newsletter, Instant slot, ZoneId zone) {
            super("the issue of " + Formats.local(slot, zone) + " would be skipped: no new articles since the last issue"
                    + (newsletter.rereadWhenNothingNew()
                            ? ", and no older article to re-read that the last " + newsletter.rereadNotInLast()
                                    + " issues did not feature"
                            : " (when-nothing-new: skip in " + newsletter.file() + ")"));
        }
    }

    private MailPreview() {
    }

    public static Preview render(App app, Campaign campaign, int stepNumber, Instant at, String name, String email) {
        return render(app, campaign, stepNumber, at, name, email, null);
    }

    /**
     * As {@link #render(App, Campaign, int, Instant, String, String)}, with {@code words} (unsaved or
     * saved words from the editor, or null) in place of the mail's live words: the editor's preview and
     * "test copy of the draft" then show exactly what publishing would send.
     */
    public static Preview render(App app, Campaign campaign, int stepNumber, Instant at, String name, String email,
            MailSource words) {
        var settings = app.settings();
        LiveMail live = app.authoring().liveMail();
        Map<String, Object> model = MailModel.of(settings.sender(), name, email,
                settings.baseUrl() + "/unsubscribe/PREVIEW", settings.baseUrl(), "");
        var templates = app.templates();
        List<String> notes = new ArrayList<>();
        if (campaign instanceof Sequence sequence) {
            if (stepNumber < 1 || stepNumber > sequence.size()) {
                throw new IllegalArgumentException("--step must be between 1 and " + sequence.size() + " for " + sequence.id());
            }
            Step step = sequence.step(stepNumber);
            model.put("subject", step.subject());
            model.put("step", Map.of("number", step.number(), "total", sequence.size()));
            return new Preview(authored(live, campaign, step.number(), model, words)
                    .orElseGet(() -> templates.renderMail(step.subject(), step.template(), model)), notes);
        }
        if (campaign instanceof Newsletter newsletter) {
            Instant slot = newsletter.nextSlotAfter(at.minusMillis(1));
            dev.tayori.content.ArticlesRead read = app.articles().read();
            read.refused().forEach(r -> notes.add("left out: " + r));
            List<Article> all = read.articles();
            IssuePlanner.Draft draft = app.issuePlanner().draft(newsletter, slot, all)
                    .orElseThrow(() -> new NothingToSend(newsletter, slot, settings.timezone()));
            List<IssueArticle> featured = new ArrayList<>();
            for (Article a : draft.articles()) {
                featured.add(new IssueArticle(0, featured.size() + 1, a.url(), a.title(), a.published(),
                        Excerpts.excerpt(a.html(), newsletter.excerptLength()), draft.reread()));
                notes.add((draft.reread() ? "re-read: " : "new:     ") + a.title() + "  " + a.url());
            }
            notes.add(0, "issue at " + IssueModel.japaneseDate(slot, newsletter.zone()) + " "
                    + newsletter.sendAt() + " " + newsletter.zone());
            model.put("issue", IssueModel.of(newsletter, nextNumber(app, newsletter), slot, featured));
            var authored = authored(live, campaign, 0, model, words);
            if (authored.isPresent()) {
                return new Preview(authored.get(), notes);
            }
            String subject = templates.renderInline(newsletter.file() + " (subject)", newsletter.subject(), model).strip();
            model.put("subject", subject);
            return new Preview(templates.renderMail(subject, newsletter.template(), model), notes);
        }
        if (campaign instanceof Announcement announcement) {
            var authored = authored(live, campaign, 0, model, words);
            if (authored.isPresent() || announcement.template() == null) {
                return new Preview(authored.orElseThrow(() -> new IllegalArgumentException(
                        announcement.id() + " has no live words")), notes);
            }
            String subject = templates.renderInline(announcement.file() + " (subject)", announcement.subject(), model).strip();
            model.put("subject", subject);
            return new Preview(templates.renderMail(subject, announcement.template(), model), notes);
        }
        throw new IllegalArgumentException("cannot preview a " + campaign.kind());
    }

    /** The draft rendered, else the live browser revision, else empty (the file's template is live). */
    private static java.util.Optional<RenderedMail> authored(LiveMail live, Campaign campaign, int step,
            Map<String, Object> model, MailSource draft) {
        return draft != null ? java.util.Optional.of(live.renderSource(campaign, draft, model))
                : live.render(campaign, step, model);
    }

    private static int nextNumber(App app, Newsletter newsletter) {
        return app.jdbi().withExtension(dev.tayori.newsletter.IssueDao.class,
                dao -> dao.latestPlanned(newsletter.id()).map(i -> i.number() + 1).orElse(1));
    }
}
