package dev.tayori.authoring;

import dev.tayori.campaign.Campaign;
import dev.tayori.campaign.Newsletter;
import dev.tayori.render.RenderedMail;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the senders ask at send time: is this mail's live content a browser revision, and if so the
 * mail rendered from it. The live revision is read from the database and kept 10 seconds (a mailing
 * asks once per reader); a publish on this node is seen at once, one on another node within those
 * seconds. Mail already recorded as sent is never rendered again, so a publish cannot change it.
 */
public final class LiveMail {
    private static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Revisions revisions;
    private final AuthoredMail renderer;
    private final Map<String, Entry> live = new ConcurrentHashMap<>();

    private record Entry(Optional<MarkdownMail.Compiled> compiled, long readAt) {
    }

    LiveMail(Revisions revisions, AuthoredMail renderer) {
        this.revisions = revisions;
        this.renderer = renderer;
    }

    /**
     * The mail of {@code campaign}'s step (0 for an announcement or the newsletter's words) from its
     * live browser revision, for the reader in {@code model}; empty when the file's template is live.
     */
    public Optional<RenderedMail> render(Campaign campaign, int step, Map<String, Object> model) {
        return compiled(campaign, step).map(c -> renderer.render(c, model));
    }

    /** A draft or unsaved source rendered the same way, for previews and test copies of the draft. */
    public RenderedMail renderSource(Campaign campaign, MailSource source, Map<String, Object> model) {
        return renderer.render(MarkdownMail.check(source, campaign instanceof Newsletter).compiled(), model);
    }

    private Optional<MarkdownMail.Compiled> compiled(Campaign campaign, int step) {
        String key = campaign.id() + "\u0000" + step;
        long now = System.nanoTime();
        Entry entry = live.get(key);
        if (entry == null || now - entry.readAt() > LIFETIME_NANOS) {
            boolean newsletter = campaign instanceof Newsletter;
            Optional<MarkdownMail.Compiled> compiled = revisions.live(campaign.id(), step)
                    .flatMap(Revision::source)
                    .map(source -> MarkdownMail.check(source, newsletter).compiled());
            entry = new Entry(compiled, now);
            if (live.size() > 256) {
                live.clear();
            }
            live.put(key, entry);
        }
        return entry.compiled();
    }

    /** Called on publish, restore and back to file on this node: the next send reads the database again. */
    void forget(String campaignId, int step) {
        live.remove(campaignId + "\u0000" + step);
    }
}
