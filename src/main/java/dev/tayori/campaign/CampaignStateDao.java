package dev.tayori.campaign;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The database side of a campaign: first seen, paused. */
@UseClasspathSqlLocator
public interface CampaignStateDao {
    @SqlUpdate
    int seen(@Bind("campaignId") String campaignId, @Bind("at") Instant at);

    @SqlQuery
    Optional<Instant> firstSeen(@Bind("campaignId") String campaignId);

    @SqlQuery
    boolean paused(@Bind("campaignId") String campaignId);

    @SqlUpdate
    int pause(@Bind("campaignId") String campaignId, @Bind("at") Instant at, @Bind("by") String by);

    @SqlUpdate
    int resume(@Bind("campaignId") String campaignId);
}
