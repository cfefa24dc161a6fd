package dev.tayori.subscriber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterRowMapper(SubscriberMapper.class)
public interface SubscriberDao {
    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("email") String email, @Bind("emailKey") String emailKey, @Bind("name") String name,
            @Bind("status") String status, @Bind("timeZone") String timeZone, @Bind("token") String token,
            @Bind("createdAt") Instant createdAt);

    @SqlQuery
    Optional<Subscriber> findByKey(@Bind("emailKey") String emailKey);

    @SqlQuery
    Optional<Subscriber> findById(@Bind("id") long id);

    @SqlQuery
    Optional<Subscriber> findByUnsubscribeToken(@Bind("token") String token);

    @SqlQuery
    List<Subscriber> list(@Bind("afterId") long afterId, @Bind("limit") int limit);

    @SqlUpdate
    int confirm(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate
    int unsubscribe(@Bind("id") long id, @Bind("at") Instant at, @Bind("source") String source);

    @SqlUpdate
    int bounce(@Bind("id") long id, @Bind("at") Instant at, @Bind("reason") String reason);

    @SqlUpdate
    int unbounce(@Bind("id") long id);

    @SqlUpdate
    int reactivate(@Bind("id") long id);

    @SqlUpdate
    int makePending(@Bind("id") long id, @Bind("name") String name);

    @SqlUpdate
    @GetGeneratedKeys("id")
    long insertConsent(@Bind("subscriberId") long subscriberId, @Bind("event") String event, @Bind("at") Instant at,
            @Bind("source") String source, @Bind("origin") String origin, @Bind("userAgent") String userAgent,
            @Bind("formVersion") String formVersion);

    @SqlQuery
    int requestsSince(@Bind("source") String source, @Bind("since") Instant since);

    @SqlQuery
    @RegisterRowMapper(ConsentRecordMapper.class)
    List<ConsentRecord> consentsOf(@Bind("subscriberId") long subscriberId);

    @SqlUpdate
    int optOut(@Bind("subscriberId") long subscriberId, @Bind("kind") String kind, @Bind("at") Instant at,
            @Bind("source") String source);

    @SqlQuery
    List<String> optOutsOf(@Bind("subscriberId") long subscriberId);

    @SqlUpdate
    int tag(@Bind("subscriberId") long subscriberId, @Bind("tag") String tag);

    @SqlQuery
    List<String> tagsOf(@Bind("subscriberId") long subscriberId);
}
