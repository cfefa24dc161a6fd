package dev.tayori.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterRowMapper(InboundEvent.Mapper.class)
@RegisterConstructorMapper(SentMail.class)
public interface InboundDao {
    @SqlUpdate
    int claim(@Bind("key") String key, @Bind("kind") String kind, @Bind("at") Instant at, @Bind("outcome") String outcome);

    @SqlUpdate
    int setOutcome(@Bind("key") String key, @Bind("outcome") String outcome);

    @SqlQuery
    Optional<String> handled(@Bind("key") String key);

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insertEvent(@Bind("kind") String kind, @Bind("subscriberId") Long subscriberId,
            @Bind("deliveryId") Long deliveryId, @Bind("campaignId") String campaignId,
            @Bind("recipient") String recipient, @Bind("statusCode") String statusCode,
            @Bind("diagnostic") String diagnostic, @Bind("matchedBy") String matchedBy,
            @Bind("messageId") String messageId, @Bind("at") Instant at);

    @SqlQuery
    Optional<SentMail> deliveryById(@Bind("id") long id);

    @SqlQuery
    Optional<SentMail> deliveryByMessageId(@Bind("messageId") String messageId);

    @SqlQuery
    Optional<SentMail> lastSentTo(@Bind("subscriberId") long subscriberId, @Bind("before") Instant before);

    @SqlQuery
    int softStreak(@Bind("subscriberId") long subscriberId, @Bind("reference") Instant reference);

    @SqlQuery
    List<InboundEvent> eventsOf(@Bind("subscriberId") long subscriberId);

    @SqlQuery
    List<InboundEvent> eventsOfCampaign(@Bind("campaignId") String campaignId, @Bind("limit") int limit);

    @SqlQuery
    @org.jdbi.v3.sqlobject.config.KeyColumn("kind")
    @org.jdbi.v3.sqlobject.config.ValueColumn("n")
    java.util.Map<String, Integer> countsOfCampaign(@Bind("campaignId") String campaignId);
}
