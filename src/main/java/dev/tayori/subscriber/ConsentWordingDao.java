package dev.tayori.subscriber;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
interface ConsentWordingDao {
    @SqlUpdate
    int remember(@Bind("version") String version, @Bind("wording") String wording, @Bind("at") Instant at);

    @SqlQuery
    Optional<String> wording(@Bind("version") String version);
}
