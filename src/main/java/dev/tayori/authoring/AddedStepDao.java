package dev.tayori.authoring;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Lessons added to sequences in the browser, and the readers an added lesson reaches. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AddedStepDao.Row.class)
interface AddedStepDao {
    record Row(String sequenceId, int step, String subject) {
    }

    @SqlQuery
    List<Row> all();

    @SqlUpdate
    int insert(@Bind("sequenceId") String sequenceId, @Bind("step") int step, @Bind("at") Instant at,
            @Bind("pastReaders") String pastReaders);

    @SqlUpdate
    int reopenFinished(@Bind("sequenceId") String sequenceId, @Bind("step") int step, @Bind("dueAt") Instant dueAt);

    @SqlUpdate
    int setReopened(@Bind("sequenceId") String sequenceId, @Bind("step") int step, @Bind("reopened") int reopened);

    @SqlQuery
    int countByState(@Bind("sequenceId") String sequenceId, @Bind("state") String state);
}
