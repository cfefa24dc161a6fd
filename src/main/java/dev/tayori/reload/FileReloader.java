package dev.tayori.reload;

import dev.tayori.campaign.CampaignFileException;
import dev.tayori.campaign.CampaignProblem;
import dev.tayori.campaign.CampaignProblem.Kind;
import dev.tayori.campaign.Campaigns;
import dev.tayori.render.TemplateProblem;
import dev.tayori.render.Templates;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks up edited campaign files and templates while {@code serve} runs. When the folders'
 * {@link FolderFingerprint} changed, everything is loaded and checked anew, off to the side, exactly
 * as at start ({@link Campaigns#load}: every campaign file, every template rendered with sample data,
 * the footer checks, the template sandbox). Only when all of it is fine are the live templates and
 * campaigns swapped for the new ones; otherwise the last good version stays live and the problems are
 * kept for the dashboard until an edit fixes them.
 *
 * <p>The swap replaces the templates first, then the campaigns: each is one reference, and a mail
 * renders from one version of the templates, but a mail composed in the instant between the two
 * swaps can pair the older campaign file with the newer templates. The scheduler runs checks on the
 * same single thread as due work, so a run of due work never sees a swap; mail sent from web requests
 * (test copies, a reader's first lesson) can.
 */
public final class FileReloader {
    private static final Logger LOG = LoggerFactory.getLogger(FileReloader.class);

    /** What a check did. */
    public enum Outcome {
        /** Nothing changed on disk since the last check. */
        UNCHANGED,
        /** The files changed and the new version is live. */
        RELOADED,
        /** The files changed and something is wrong: the last good version stays live. */
        REFUSED
    }

    private final Path campaignsDir;
    private final Path templatesDir;
    private final Campaigns campaigns;
    private final Templates templates;
    private FolderFingerprint seen;
    /** What the live version says, compared between nodes (the nodes table). */
    private volatile ContentFingerprint live;
    private volatile List<CampaignProblem> problems = List.of();
    /** Problems already logged while they last: each is logged once, not at every edit or check. */
    private final Set<String> logged = new HashSet<>();

    /**
     * Watches the folders {@code campaigns} and {@code templates} were loaded from; {@code loadedFrom}
     * is the fingerprint taken just before they were read, so an edit made while they loaded is seen,
     * and {@code content} the hash of what they held then.
     */
    public FileReloader(Path campaignsDir, Path templatesDir, Campaigns campaigns, Templates templates,
            FolderFingerprint loadedFrom, ContentFingerprint content) {
        this.campaignsDir = campaignsDir;
        this.templatesDir = templatesDir;
        this.campaigns = campaigns;
        this.templates = templates;
        this.seen = loadedFrom;
        this.live = content;
    }

    /** The fingerprint to give the constructor: take it before loading. */
    public static FolderFingerprint fingerprint(Path campaignsDir, Path templatesDir) {
        return FolderFingerprint.of(campaignsDir, templatesDir);
    }

    /** Looks at the folders and, if they changed, loads, checks and swaps in (or refuses) the new files. */
    public synchronized Outcome check() {
        FolderFingerprint now = FolderFingerprint.of(campaignsDir, templatesDir);
        if (now.equals(seen)) {
            return Outcome.UNCHANGED;
        }
        seen = now; // taken before reading: an edit made while loading changes it again, and is loaded next time
        ContentFingerprint content = ContentFingerprint.of(campaignsDir, templatesDir);
        List<CampaignProblem> found;
        try {
            Templates fresh = new Templates(templatesDir);
            Campaigns loaded = Campaigns.load(campaignsDir, fresh);
            templates.adopt(fresh);
            campaigns.adopt(loaded);
            live = content;
            if (!problems.isEmpty()) {
                LOG.info("the campaign files and templates are fine again");
            }
            problems = List.of();
            logged.clear();
            LOG.info("campaign files and templates reloaded from {} and {}", campaignsDir, templatesDir);
            return Outcome.RELOADED;
        } catch (CampaignFileException e) {
            found = e.problems();
        } catch (TemplateProblem e) {
            found = List.of(new CampaignProblem(e.file(), e.line(), e.getMessage(),
                    e.forbidden() ? Kind.FORBIDDEN_CODE : Kind.TEMPLATE));
        } catch (RuntimeException e) {
            // whatever else goes wrong while loading must not stop the scheduler: the live version stays
            found = List.of(new CampaignProblem(campaignsDir.toString(), 0, "the files cannot be loaded: " + e));
        }
        problems = List.copyOf(found);
        Set<String> current = new HashSet<>();
        for (CampaignProblem p : found) {
            current.add(p.toString());
            if (logged.add(p.toString())) {
                LOG.warn("not reloaded, the last good version stays live: {}", p);
            }
        }
        logged.retainAll(current); // a problem fixed and made again is logged again
        return Outcome.REFUSED;
    }

    /** The hash of the campaign files and templates that are live: what this node sends from. */
    public ContentFingerprint live() {
        return live;
    }

    /** What keeps the newest files from going live, with file and line; empty when they are live. */
    public List<CampaignProblem> problems() {
        return problems;
    }
}
