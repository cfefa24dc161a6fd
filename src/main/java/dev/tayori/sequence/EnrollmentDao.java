package dev.tayori.sequence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterConstructorMapper(Enrollment.class)
public interface EnrollmentDao {
    @SqlUpdate
    int enroll(@Bind("subscriberId") long subscriberId, @Bind("sequenceId") String sequenceId, @Bind("at") Instant at);

    @SqlQuery
    Optional<Enrollment> find(@Bind("subscriberId") long subscriberId, @Bind("sequenceId") String sequenceId);

    @SqlQuery
    List<Enrollment> ofSubscriber(@Bind("subscriberId") long subscriberId);

    @SqlQuery
    @RegisterConstructorMapper(DueStep.class)
    List<DueStep> due(@Bind("sequenceId") String sequenceId, @Bind("at") Instant at, @Bind("limit") int limit);

    @SqlUpdate
    int stopAll(@Bind("subscriberId") long subscriberId);

    @SqlUpdate
    int restart(@Bind("subscriberId") long subscriberId, @Bind("sequenceId") String sequenceId, @Bind("at") Instant at);
}
