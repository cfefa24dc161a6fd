package dev.tayori.overview;

import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@UseClasspathSqlLocator
public interface OverviewDao {
    @SqlQuery
    @KeyColumn("status")
    @ValueColumn("n")
    Map<String, Integer> subscribersByStatus();

    @SqlQuery
    @KeyColumn("day")
    @ValueColumn("n")
    Map<Long, Integer> signUpsPerDay(@Bind("since") long sinceMillis, @Bind("offsetMillis") long offsetMillis);

    @SqlQuery
    @KeyColumn("day")
    @ValueColumn("n")
    Map<Long, Integer> unsubscribesPerDay(@Bind("campaignId") String campaignId, @Bind("offsetMillis") long offsetMillis);
}
