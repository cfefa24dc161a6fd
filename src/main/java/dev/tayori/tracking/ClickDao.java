package dev.tayori.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The signing key, the links behind /r/, and the counted clicks. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(ClickCount.class)
@RegisterConstructorMapper(LinkClicks.class)
interface ClickDao {
    @SqlUpdate
    int insertKey(@Bind("secret") String secret);

    @SqlQuery
    Optional<String> key();

    @SqlUpdate
    int insertLink(@Bind("url") String url);

    @SqlQuery
    long linkId(@Bind("url") String url);

    @SqlQuery
    Optional<String> url(@Bind("id") long id);

    @SqlQuery
    int deliveryExists(@Bind("id") long id);

    @SqlUpdate
    int insertClick(@Bind("deliveryId") long deliveryId, @Bind("linkId") long linkId, @Bind("at") Instant at);

    @SqlQuery
    List<LinkClicks> perLink(@Bind("campaignId") String campaignId);

    @SqlQuery
    ClickCount perCampaign(@Bind("campaignId") String campaignId);
}
