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
    int advance(@Bind("id") long id, @Bind("step") int step, @Bind("nextStep") int nextStep,
            @Bind("nextDueAt") Instant nextDueAt, @Bind("state") String state, @Bind("at") Instant at);

    /** {@link #advance} for a batch: one prepared statement run for every row (the planner's hot path). */
    @org.jdbi.v3.sqlobject.statement.SqlBatch("advance")
    int[] advanceAll(@Bind("id") List<Long> ids, @Bind("step") List<Integer> steps,
            @Bind("nextStep") List<Integer> nextSteps, @Bind("nextDueAt") List<Instant> nextDueAts,
            @Bind("state") List<String> states, @Bind("at") Instant at);

    @SqlUpdate
    int stopAll(@Bind("subscriberId") long subscriberId);

    @SqlUpdate
    int restart(@Bind("subscriberId") long subscriberId, @Bind("sequenceId") String sequenceId, @Bind("at") Instant at);
}
