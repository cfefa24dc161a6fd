package dev.tayori.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterConstructorMapper(Issue.class)
@RegisterConstructorMapper(IssueArticle.class)
public interface IssueDao {
    @SqlUpdate
    int insertPlanned(@Bind("campaignId") String campaignId, @Bind("number") int number,
            @Bind("slotAt") Instant slotAt, @Bind("at") Instant at, @Bind("prefix") String messageIdPrefix);

    @SqlUpdate
    int plannedTo(@Bind("id") long id, @Bind("upTo") long upTo, @Bind("done") boolean done);

    @SqlQuery
    List<Issue> unfinishedPlanning(@Bind("campaignId") String campaignId);

    @SqlUpdate
    int insertSkipped(@Bind("campaignId") String campaignId, @Bind("slotAt") Instant slotAt,
            @Bind("reason") String reason, @Bind("at") Instant at);

    @SqlQuery
    Optional<Issue> findBySlot(@Bind("campaignId") String campaignId, @Bind("slotAt") Instant slotAt);

    @SqlQuery
    Optional<Issue> findByNumber(@Bind("campaignId") String campaignId, @Bind("number") int number);

    @SqlQuery
    Optional<Issue> latest(@Bind("campaignId") String campaignId);

    @SqlQuery
    Optional<Issue> latestPlanned(@Bind("campaignId") String campaignId);

    @SqlQuery
    List<Issue> recent(@Bind("campaignId") String campaignId, @Bind("limit") int limit);

    @SqlUpdate
    void insertArticle(@Bind("issueId") long issueId, @Bind("position") int position, @Bind("url") String url,
            @Bind("title") String title, @Bind("published") Instant published, @Bind("excerpt") String excerpt,
            @Bind("reread") boolean reread);

    @SqlQuery
    List<IssueArticle> articlesOf(@Bind("issueId") long issueId);

    @SqlQuery
    List<String> featuredAsNew(@Bind("campaignId") String campaignId, @BindList("urls") List<String> urls);

    @SqlQuery
    List<String> featuredInLastIssues(@Bind("campaignId") String campaignId, @Bind("issues") int issues);

    @SqlUpdate
    int planDeliveries(@Bind("campaignId") String campaignId, @Bind("itemKey") String itemKey,
            @Bind("slotAt") Instant slotAt, @Bind("at") Instant at, @Bind("idPrefix") String idPrefix,
            @Bind("idDomain") String idDomain, @Bind("afterId") long afterId, @Bind("batch") int batch);

    @SqlQuery
    Long lastConfirmedIdUpTo(@Bind("afterId") long afterId, @Bind("batch") int batch);

    @SqlQuery
    boolean optedOut(@Bind("subscriberId") long subscriberId, @Bind("kind") String kind);
}
