package dev.tayori.authoring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The storage side of authoring: drafts, numbered revisions, which one is live. Each change is one
 * transaction; revisions are only ever added. Checking what is stored is the caller's
 * ({@link Authoring}): nothing here looks at the words.
 */
final class Revisions {
    private final Jdbi jdbi;
    private final Clock clock;

    Revisions(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    void saveDraft(String campaignId, int step, MailSource source) {
        jdbi.useExtension(RevisionDao.class, dao -> dao.saveDraft(campaignId, step, source.subject(), source.preheader(),
                source.bodyMarkdown(), clock.instant()));
    }

    Optional<MailSource> draft(String campaignId, int step) {
        return jdbi.withExtension(RevisionDao.class, dao -> dao.mail(campaignId, step))
                .filter(row -> row.draftBody() != null)
                .map(row -> new MailSource(row.draftSubject(), row.draftPreheader(), row.draftBody()));
    }

    /**
     * A new revision with these words, live from now on. {@code clearDraft}: the draft was what was
     * published, so it is no longer a draft.
     */
    Revision publish(String campaignId, int step, MailSource source, String note, Revision.Kind kind,
            Integer restoredFrom, boolean clearDraft) {
        return jdbi.inTransaction(handle -> {
            RevisionDao dao = handle.attach(RevisionDao.class);
            int number = dao.nextRevision(campaignId, step);
            dao.insertRevision(campaignId, step, number, kind.db(), source.subject(), source.preheader(),
                    source.bodyMarkdown(), note, clock.instant(), restoredFrom);
            dao.setLive(campaignId, step, number);
            if (clearDraft) {
                dao.clearDraft(campaignId, step);
            }
            return Revision.of(dao.revision(campaignId, step, number).orElseThrow());
        });
    }

    /** A revision that records the return to the file's template, which is live from now on. */
    Revision backToFile(String campaignId, int step, String note) {
        return jdbi.inTransaction(handle -> {
            RevisionDao dao = handle.attach(RevisionDao.class);
            int number = dao.nextRevision(campaignId, step);
            dao.insertRevision(campaignId, step, number, Revision.Kind.FILE.db(), null, null, null, note,
                    clock.instant(), null);
            dao.setLive(campaignId, step, null);
            return Revision.of(dao.revision(campaignId, step, number).orElseThrow());
        });
    }

    List<Revision> history(String campaignId, int step) {
        return jdbi.withExtension(RevisionDao.class, dao -> dao.revisions(campaignId, step)).stream().map(Revision::of).toList();
    }

    List<Revision> ofCampaign(String campaignId) {
        return jdbi.withExtension(RevisionDao.class, dao -> dao.revisionsOfCampaign(campaignId)).stream()
                .map(Revision::of).toList();
    }

    Optional<Revision> revision(String campaignId, int step, int number) {
        return jdbi.withExtension(RevisionDao.class, dao -> dao.revision(campaignId, step, number)).map(Revision::of);
    }

    /** The live revision; empty when the file's version is live (never published, or back to file). */
    Optional<Revision> live(String campaignId, int step) {
        return jdbi.withExtension(RevisionDao.class, dao -> dao.live(campaignId, step)).map(Revision::of);
    }

    /** Stores a new announcement and its first revision together; false if the id was taken meanwhile. */
    boolean createAnnouncement(String id, String name, String segment, MailSource source, String note) {
        return jdbi.inTransaction(handle -> {
            RevisionDao dao = handle.attach(RevisionDao.class);
            if (dao.insertAnnouncement(id, name, segment, clock.instant()) == 0) {
                return false;
            }
            dao.insertRevision(id, 0, 1, Revision.Kind.PUBLISHED.db(), source.subject(), source.preheader(),
                    source.bodyMarkdown(), note, clock.instant(), null);
            dao.setLive(id, 0, 1);
            return true;
        });
    }
}
