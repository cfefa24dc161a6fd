package dev.tayori.authoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Drafts, revisions and browser-made announcements, in the database every node shares. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(RevisionDao.MailRow.class)
@RegisterConstructorMapper(RevisionDao.RevisionRow.class)
@RegisterConstructorMapper(RevisionDao.AnnouncementRow.class)
interface RevisionDao {
    record MailRow(String campaignId, int step, String draftSubject, String draftPreheader, String draftBody,
            Instant draftSavedAt, Integer liveRevision) {
    }

    record RevisionRow(String campaignId, int step, int revision, String kind, String subject, String preheader,
            String body, String note, Instant publishedAt, Integer restoredFrom) {
    }

    record AnnouncementRow(String campaignId, String name, String segment, Instant createdAt, String subject) {
    }

    @SqlUpdate
    int saveDraft(@Bind("campaignId") String campaignId, @Bind("step") int step, @Bind("subject") String subject,
            @Bind("preheader") String preheader, @Bind("body") String body, @Bind("at") Instant at);

    @SqlUpdate
    int clearDraft(@Bind("campaignId") String campaignId, @Bind("step") int step);

    @SqlQuery
    Optional<MailRow> mail(@Bind("campaignId") String campaignId, @Bind("step") int step);

    @SqlUpdate
    int setLive(@Bind("campaignId") String campaignId, @Bind("step") int step, @Bind("revision") Integer revision);

    @SqlQuery
    int nextRevision(@Bind("campaignId") String campaignId, @Bind("step") int step);

    @SqlUpdate
    int insertRevision(@Bind("campaignId") String campaignId, @Bind("step") int step, @Bind("revision") int revision,
            @Bind("kind") String kind, @Bind("subject") String subject, @Bind("preheader") String preheader,
            @Bind("body") String body, @Bind("note") String note, @Bind("at") Instant at,
            @Bind("restoredFrom") Integer restoredFrom);

    @SqlQuery
    List<RevisionRow> revisions(@Bind("campaignId") String campaignId, @Bind("step") int step);

    @SqlQuery
    List<RevisionRow> revisionsOfCampaign(@Bind("campaignId") String campaignId);

    @SqlQuery
    Optional<RevisionRow> revision(@Bind("campaignId") String campaignId, @Bind("step") int step,
            @Bind("revision") int revision);

    @SqlQuery
    Optional<RevisionRow> live(@Bind("campaignId") String campaignId, @Bind("step") int step);

    @SqlUpdate
    int insertAnnouncement(@Bind("campaignId") String campaignId, @Bind("name") String name,
            @Bind("segment") String segment, @Bind("at") Instant at);

    @SqlQuery
    List<AnnouncementRow> announcements();
}
