package dev.tayori.delivery;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterConstructorMapper(Delivery.class)
public interface DeliveryDao {
    @SqlUpdate
    int plan(@Bind("subscriberId") long subscriberId, @Bind("campaignId") String campaignId,
            @Bind("itemKey") String itemKey, @Bind("step") Integer step, @Bind("messageId") String messageId,
            @Bind("at") Instant at, @Bind("dueAt") Instant dueAt);

    @SqlUpdate
    int claim(@Bind("owner") String owner, @Bind("at") Instant at, @Bind("now") Instant now,
            @Bind("leaseUntil") Instant leaseUntil, @Bind("limit") int limit);

    @SqlQuery
    @org.jdbi.v3.sqlobject.statement.UseRowMapper(Claimed.Mapper.class)
    List<Claimed> claimedBy(@Bind("owner") String owner);

    @SqlUpdate
    int retryLater(@Bind("id") long id, @Bind("owner") String owner, @Bind("nextAttemptAt") Instant nextAttemptAt,
            @Bind("error") String error);

    @SqlUpdate
    int finish(@Bind("id") long id, @Bind("owner") String owner, @Bind("state") String state,
            @Bind("at") Instant at, @Bind("error") String error, @Bind("node") String node);

    @SqlUpdate
    int release(@Bind("owner") String owner);

    @SqlUpdate
    int holdUntil(@Bind("id") long id, @Bind("owner") String owner, @Bind("until") Instant until,
            @Bind("reason") String reason);

    @SqlQuery
    long countDue(@Bind("at") Instant at);

    @SqlQuery
    long countWaiting(@Bind("until") Instant until);

    @SqlQuery
    long countWaitingTo(@Bind("pattern") String pattern, @Bind("until") Instant until);

    @SqlQuery
    List<Delivery> ofSubscriber(@Bind("subscriberId") long subscriberId);

    @SqlUpdate
    int cancelPendingOf(@Bind("subscriberId") long subscriberId, @Bind("at") Instant at, @Bind("reason") String reason);

    @SqlQuery
    @org.jdbi.v3.sqlobject.config.KeyColumn("state")
    @org.jdbi.v3.sqlobject.config.ValueColumn("n")
    java.util.Map<String, Integer> countsByState(@Bind("campaignId") String campaignId);

    @SqlQuery
    int unsubscribedAfter(@Bind("campaignId") String campaignId);

    /** Mail of a campaign sent per node (deliveries.node_name; "" for mail sent before it was recorded). */
    @SqlQuery
    @org.jdbi.v3.sqlobject.config.KeyColumn("node")
    @org.jdbi.v3.sqlobject.config.ValueColumn("n")
    java.util.Map<String, Integer> sentByNode(@Bind("campaignId") String campaignId);

    @SqlQuery
    Instant lastSentAt(@Bind("campaignId") String campaignId);

    @SqlQuery
    @org.jdbi.v3.sqlobject.config.KeyColumn("day")
    @org.jdbi.v3.sqlobject.config.ValueColumn("n")
    java.util.Map<Long, Integer> sentPerDay(@Bind("campaignId") String campaignId, @Bind("offsetMillis") long offsetMillis);
}
