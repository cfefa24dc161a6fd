package dev.tayori.signin;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Sign-in attempts of the last minute (table sign_in_attempts), for the limit on guessing. */
@UseClasspathSqlLocator
interface AttemptDao {
    @SqlUpdate
    void record(@Bind("attempt") String attempt, @Bind("address") String address, @Bind("at") Instant at);

    @SqlQuery
    int countSince(@Bind("address") String address, @Bind("since") Instant since);

    @SqlUpdate
    int forget(@Bind("attempt") String attempt);

    @SqlUpdate
    int forgetBefore(@Bind("before") Instant before);
}
