package dev.tayori.subscriber;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterConstructorMapper(Confirmation.class)
public interface ConfirmationDao {
    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("subscriberId") long subscriberId, @Bind("token") String token,
            @Bind("createdAt") Instant createdAt, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery
    Optional<Confirmation> findByToken(@Bind("token") String token);

    @SqlQuery
    Optional<Confirmation> findById(@Bind("id") long id);

    @SqlQuery
    Optional<Confirmation> latestFor(@Bind("subscriberId") long subscriberId);

    @SqlUpdate
    int markUsed(@Bind("id") long id, @Bind("at") Instant at);
}
