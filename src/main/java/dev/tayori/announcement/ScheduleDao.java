package dev.tayori.announcement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterConstructorMapper(Schedule.class)
public interface ScheduleDao {
    @SqlUpdate
    int schedule(@Bind("campaignId") String campaignId, @Bind("sendAt") Instant sendAt,
            @Bind("segment") String segment, @Bind("at") Instant at, @Bind("prefix") String prefix);

    @SqlUpdate
    int unschedule(@Bind("campaignId") String campaignId);

    @SqlQuery
    Optional<Schedule> find(@Bind("campaignId") String campaignId);

    @SqlQuery
    List<Schedule> due(@Bind("at") Instant at);

    @SqlUpdate
    int markPlanned(@Bind("campaignId") String campaignId);

    @SqlUpdate
    int markSkipped(@Bind("campaignId") String campaignId, @Bind("reason") String reason);

    @SqlUpdate
    int plannedTo(@Bind("campaignId") String campaignId, @Bind("upTo") long upTo, @Bind("done") boolean done);

    @SqlQuery
    Long lastIdOfBatch(@Bind("afterId") long afterId, @Bind("batch") int batch);

    @SqlQuery
    int countReaders(@Define("segment") String segmentCondition, @Bind("tag") String tag,
            @Bind("before") Instant before, @Bind("sequenceId") String sequenceId);

    @SqlQuery
    @org.jdbi.v3.sqlobject.config.KeyColumn("tag")
    @org.jdbi.v3.sqlobject.config.ValueColumn("n")
    java.util.Map<String, Integer> readersPerTag();

    @SqlUpdate
    int planDeliveries(@Define("segment") String segmentCondition, @Bind("campaignId") String campaignId,
            @Bind("at") Instant at, @Bind("dueAt") Instant dueAt, @Bind("idPrefix") String idPrefix,
            @Bind("idDomain") String idDomain, @Bind("afterId") long afterId, @Bind("upTo") long upTo,
            @Bind("tag") String tag, @Bind("before") Instant before, @Bind("sequenceId") String sequenceId);
}
