package dev.tayori.health;

import java.time.Instant;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The figures the dashboard's warnings are made from. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(HealthDao.Overdue.class)
interface HealthDao {
    record Overdue(int waiting, Instant oldest) {
    }

    @SqlQuery
    Overdue overdue(@Bind("before") Instant before);

    @SqlQuery
    int sentSince(@Bind("since") Instant since);

    @SqlQuery
    int reportsSince(@Bind("kind") String kind, @Bind("since") Instant since);
}
