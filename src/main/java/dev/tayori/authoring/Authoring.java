package dev.tayori.authoring;

import dev.tayori.authoring.AuthoringProblem.Field;
import dev.tayori.campaign.Announcement;
import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Campaigns;
import dev.tayori.campaign.Newsletter;
import dev.tayori.campaign.PlainText;
import dev.tayori.campaign.Segments;
import dev.tayori.campaign.Sequence;
import dev.tayori.config.Sender;
import dev.tayori.render.MailModel;
import dev.tayori.render.RenderedMail;
import dev.tayori.render.Templates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Writing mail in the browser: everything the editor pages and the API do with a mail's words.
 * A mail is a campaign and a step: a lesson of the workbook (step 1, 2, …), an announcement's mail
 * or the newsletter's own words around the excerpts (step 0). Words are checked when they are saved,
 * never when they are sent; a mistake comes back as an {@link AuthoringException} with the field and
 * line, and nothing is written.
 */
public final class Authoring {
    private final Campaigns campaigns;
    private final Templates templates;
    private final Sender sender;
    private final String baseUrl;
    private final Revisions revisions;
    private final LiveMail liveMail;
    private final StoredAnnouncements stored;
    private final FileStart fileStart;

    public Authoring(Jdbi jdbi, Campaigns campaigns, Templates templates, Sender sender, String baseUrl, Clock clock,
            StoredAnnouncements stored) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.sender = sender;
        this.baseUrl = baseUrl;
        this.revisions = new Revisions(jdbi, clock);
        this.liveMail = new LiveMail(revisions, new AuthoredMail(templates));
        this.stored = stored;
        this.fileStart = new FileStart(templates, sender, baseUrl);
    }

    /** What the senders, previews and test copies use to render a mail from its live or draft words. */
    public LiveMail liveMail() {
        return liveMail;
    }

    /** The mistakes in these words for a mail like an announcement or a lesson (only {{name}}); empty when fine. */
    public List<AuthoringProblem> validate(MailSource source) {
        return MarkdownMail.check(source, false).problems();
    }

    /** The mistakes in these words as words of this mail (the newsletter's may use {{number}}, {{date}}, {{articles}}). */
    public List<AuthoringProblem> validate(String campaignId, int step, MailSource source) {
        return MarkdownMail.check(source, mail(campaignId, step) instanceof Newsletter).problems();
    }

    /** What the live preview beside the editor shows: the mail as a reader named 読者 gets it, and the mistakes so far. */
    public record Preview(String subject, String html, String text, List<AuthoringProblem> problems) {
    }

    /**
     * These words (saved or not) rendered as the mail, for the preview beside the editor. A mistake
     * does not stop the preview; it is listed with it. The newsletter's words show around a sample
     * article, not the next real issue (that would read the blog's feed at every keystroke).
     */
    public Preview preview(String campaignId, int step, MailSource source) {
        Campaign campaign = mail(campaignId, step);
        MarkdownMail.Checked checked = MarkdownMail.check(source, campaign instanceof Newsletter);
        Map<String, Object> model = MailModel.of(sender, "読者", "reader@example.jp", baseUrl + "/unsubscribe/PREVIEW",
                baseUrl, "");
        if (campaign instanceof Newsletter) {
            model.put("issue", FileStart.sampleIssue());
        }
        RenderedMail mail = new AuthoredMail(templates).render(checked.compiled(), model);
        return new Preview(mail.subject(), mail.html(), mail.text(), checked.problems());
    }

    /** As {@link #preview(String, int, MailSource)}, for an announcement not created yet (the 「新しいお知らせ」 page). */
    public Preview previewNewAnnouncement(MailSource source) {
        MarkdownMail.Checked checked = MarkdownMail.check(source, false);
        Map<String, Object> model = MailModel.of(sender, "読者", "reader@example.jp", baseUrl + "/unsubscribe/PREVIEW",
                baseUrl, "");
        RenderedMail mail = new AuthoredMail(templates).render(checked.compiled(), model);
        return new Preview(mail.subject(), mail.html(), mail.text(), checked.problems());
    }

    /** Saves the words as this mail's draft, replacing an earlier draft. Nobody receives a draft. */
    public void saveDraft(String campaignId, int step, MailSource source) {
        check(campaignId, step, source);
        revisions.saveDraft(campaignId, step, source);
    }

    /** The saved draft, if one waits. */
    public Optional<MailSource> draft(String campaignId, int step) {
        mail(campaignId, step);
        return revisions.draft(campaignId, step);
    }

    /**
     * The words to open in the editor: the draft, else the live browser revision, else a start made
     * from the campaign file (its subject, and its HTML template's text as Markdown).
     */
    public MailSource current(String campaignId, int step) {
        Campaign campaign = mail(campaignId, step);
        return revisions.draft(campaignId, step)
                .or(() -> revisions.live(campaignId, step).flatMap(Revision::source))
                .orElseGet(() -> fileStart.of(campaign, step));
    }

    /**
     * Publishes the draft: it becomes revision N (1, 2, 3…), live for the next sends. Mail already
     * sent is not changed and not sent again. {@code note}: what changed, in the operator's words.
     */
    public Revision publish(String campaignId, int step, String note) {
        mail(campaignId, step);
        MailSource draft = revisions.draft(campaignId, step)
                .orElseThrow(() -> AuthoringException.of(AuthoringProblem.of(Field.BODY, 0, Reason.NO_DRAFT)));
        return publish(campaignId, step, draft, note, true);
    }

    /**
     * Publishes these words through the draft (the editor's and the API's publish): the draft becomes
     * the revision and no stale draft is left. The note is checked first, so a refused note leaves
     * no draft behind either.
     */
    public Revision publishWords(String campaignId, int step, MailSource source, String note) {
        note(note);
        saveDraft(campaignId, step, source);
        return publish(campaignId, step, note);
    }

    /** Publishes these words at once, without a draft in between (the API's "publish": true). */
    public Revision publish(String campaignId, int step, MailSource source, String note) {
        return publish(campaignId, step, source, note, false);
    }

    private Revision publish(String campaignId, int step, MailSource source, String note, boolean draft) {
        check(campaignId, step, source);
        Revision revision = revisions.publish(campaignId, step, source, note(note), Revision.Kind.PUBLISHED, null, draft);
        liveMail.forget(campaignId, step);
        return revision;
    }

    /** Every revision of the mail, the first first. */
    public List<Revision> history(String campaignId, int step) {
        mail(campaignId, step);
        return revisions.history(campaignId, step);
    }

    /** Every revision of every mail of the campaign, by step then number. */
    public List<Revision> revisions(String campaignId) {
        campaign(campaignId);
        return revisions.ofCampaign(campaignId);
    }

    /** Revisions {@code older} and {@code newer} compared line by line; a "back to file" revision counts as empty. */
    public RevisionDiff diff(String campaignId, int step, int older, int newer) {
        MailSource empty = new MailSource("", "", "");
        return RevisionDiff.of(older, revision(campaignId, step, older).source().orElse(empty),
                newer, revision(campaignId, step, newer).source().orElse(empty));
    }

    /**
     * Makes revision {@code number}'s words live again, as a new revision (history only grows).
     * Restoring a "back to file" revision goes back to the file again.
     */
    public Revision restore(String campaignId, int step, int number, String note) {
        Revision old = revision(campaignId, step, number);
        if (old.source().isEmpty()) {
            return backToFile(campaignId, step, note);
        }
        Revision revision = revisions.publish(campaignId, step, old.source().get(), note(note), Revision.Kind.RESTORED,
                number, false);
        liveMail.forget(campaignId, step);
        return revision;
    }

    /** The campaign file's template is live again; recorded in the history. Not for browser-made announcements and lessons. */
    public Revision backToFile(String campaignId, int step, String note) {
        Campaign campaign = mail(campaignId, step);
        if (campaign instanceof Announcement a && StoredAnnouncements.madeInBrowser(a) || AddedSteps.added(campaign, step)) {
            throw AuthoringException.of(AuthoringProblem.of(Field.REVISION, 0, Reason.NO_FILE, campaignId));
        }
        Revision revision = revisions.backToFile(campaignId, step, note(note));
        liveMail.forget(campaignId, step);
        return revision;
    }

    /** Where the next sends' words come from: the file, or browser revision N. */
    public LiveSource liveSource(String campaignId, int step) {
        mail(campaignId, step);
        return revisions.live(campaignId, step).map(r -> new LiveSource(LiveSource.Origin.BROWSER, r.number()))
                .orElse(LiveSource.FILE);
    }

    /**
     * A new announcement written in the browser, with no campaign file: its words are revision 1,
     * live at once; schedule it like any other. The id follows the file names' rule (lower-case
     * letters, digits, hyphens) and must not be used by a file or another announcement
     * ({@link AuthoringException#conflict()}).
     */
    public Announcement createAnnouncement(String id, String name, MailSource source, String segment) {
        List<AuthoringProblem> problems = new ArrayList<>();
        String cleanId = id == null ? "" : id.strip();
        String cleanName = name == null ? "" : name.strip();
        String cleanSegment = segment == null || segment.isBlank() ? "all" : segment.strip();
        if (!cleanId.matches("[a-z0-9][a-z0-9-]{0,59}")) {
            problems.add(AuthoringProblem.of(Field.ID, 0, Reason.ID_INVALID, cleanId));
        } else if (campaigns.find(cleanId).isPresent()) {
            problems.add(AuthoringProblem.of(Field.ID, 0, Reason.ID_IN_USE, cleanId));
        }
        int control = cleanName.chars().filter(Character::isISOControl).findFirst().orElse(-1);
        int hidden = PlainText.firstHidden(cleanName);
        if (control >= 0) {
            problems.add(AuthoringProblem.of(Field.NAME, 0, Reason.CONTROL_CHARACTER, PlainText.name(control)));
        } else if (hidden >= 0) {
            problems.add(AuthoringProblem.of(Field.NAME, 0, Reason.HIDDEN_CHARACTER, PlainText.name(hidden)));
        } else if (PlainText.looksBlank(cleanName) || cleanName.length() > 100) {
            problems.add(AuthoringProblem.of(Field.NAME, 0, Reason.NAME_EMPTY));
        }
        if (Segments.problem(cleanSegment) != null) {
            problems.add(AuthoringProblem.of(Field.SEGMENT, 0, Reason.SEGMENT_INVALID, cleanSegment));
        }
        problems.addAll(MarkdownMail.check(source, false).problems());
        if (!problems.isEmpty()) {
            throw new AuthoringException(problems);
        }
        if (!revisions.createAnnouncement(cleanId, cleanName, cleanSegment, source, "")) {
            throw AuthoringException.of(AuthoringProblem.of(Field.ID, 0, Reason.ID_IN_USE, cleanId));
        }
        stored.forget();
        return (Announcement) campaigns.get(cleanId);
    }

    /** The mails of a campaign the editor opens: each lesson, the announcement's mail, or the newsletter's words. */
    public List<EditableMail> editableMails(String campaignId) {
        Campaign campaign = campaign(campaignId);
        List<EditableMail> mails = new ArrayList<>();
        if (campaign instanceof Sequence sequence) {
            for (var step : sequence.steps()) {
                mails.add(editable(campaign, step.number(), step.number() + "日目", step.subject()));
            }
        } else if (campaign instanceof Newsletter newsletter) {
            mails.add(editable(campaign, 0, "メールマガジンの言葉", newsletter.subject()));
        } else if (campaign instanceof Announcement announcement) {
            mails.add(editable(campaign, 0, "お知らせの本文", announcement.subject()));
        }
        return mails;
    }

    private EditableMail editable(Campaign campaign, int step, String label, String fileSubject) {
        Optional<Revision> live = revisions.live(campaign.id(), step);
        LiveSource source = live.map(r -> new LiveSource(LiveSource.Origin.BROWSER, r.number())).orElse(LiveSource.FILE);
        String subject = live.flatMap(Revision::source).map(MailSource::subject).orElse(fileSubject);
        return new EditableMail(campaign.id(), step, label, subject, source, revisions.draft(campaign.id(), step).isPresent());
    }

    private Revision revision(String campaignId, int step, int number) {
        mail(campaignId, step);
        return revisions.revision(campaignId, step, number).orElseThrow(() -> AuthoringException.of(
                AuthoringProblem.of(Field.REVISION, 0, Reason.NO_SUCH_REVISION, String.valueOf(number))));
    }

    private void check(String campaignId, int step, MailSource source) {
        List<AuthoringProblem> problems = validate(campaignId, step, source);
        if (!problems.isEmpty()) {
            throw new AuthoringException(problems);
        }
    }

    private static String note(String note) {
        String clean = note == null ? "" : note.strip();
        if (clean.length() > 500) {
            throw AuthoringException.of(AuthoringProblem.of(Field.NOTE, 0, Reason.NOTE_TOO_LONG));
        }
        // A note is shown in the history as the operator wrote it; a NUL is also refused by PostgreSQL.
        int control = PlainText.firstControl(clean);
        int hidden = PlainText.firstHidden(clean);
        if (control >= 0 || hidden >= 0) {
            throw AuthoringException.of(AuthoringProblem.of(Field.NOTE, 0,
                    control >= 0 ? Reason.CONTROL_CHARACTER : Reason.HIDDEN_CHARACTER, PlainText.name(control >= 0 ? control : hidden)));
        }
        return clean;
    }

    private Campaign campaign(String campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> AuthoringException.of(
                AuthoringProblem.of(Field.ID, 0, Reason.NO_SUCH_MAIL, String.valueOf(campaignId))));
    }

    /** The campaign whose mail {@code step} is, if that mail exists: lessons 1..N, step 0 for the others. */
    private Campaign mail(String campaignId, int step) {
        Campaign campaign = campaign(campaignId);
        boolean exists = campaign instanceof Sequence s ? step >= 1 && step <= s.size() : step == 0;
        if (!exists) {
            throw AuthoringException.of(AuthoringProblem.of(Field.ID, 0, Reason.NO_SUCH_MAIL, campaignId + " step " + step));
        }
        return campaign;
    }
}
