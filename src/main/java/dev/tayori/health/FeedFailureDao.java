package dev.tayori.health;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** feed_failures: a feed that could not be read, since its first failed read. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(FeedFailureDao.Failure.class)
interface FeedFailureDao {
    /** {@code reason} is a content FeedProblem name; {@code httpStatus} null unless the server answered an error. */
    record Failure(String reason, Integer httpStatus, Instant since) {
    }

    @SqlUpdate
    void failed(@Bind("feed") String feed, @Bind("reason") String reason, @Bind("status") Integer httpStatus,
            @Bind("at") Instant at);

    @SqlUpdate
    void read(@Bind("feed") String feed);

    @SqlQuery
    Optional<Failure> current(@Bind("feed") String feed);
}
