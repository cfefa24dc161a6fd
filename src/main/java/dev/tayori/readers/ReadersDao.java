package dev.tayori.readers;

import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberMapper;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterRowMapper(SubscriberMapper.class)
interface ReadersDao {
    @SqlQuery
    List<Subscriber> page(@Bind("pattern") String pattern, @Bind("status") String status, @Bind("tag") String tag,
            @Bind("place") String place, @Bind("lesson") Integer lesson, @Bind("sequence") String sequence,
            @Bind("afterId") long afterId, @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery
    List<Long> ids(@Bind("pattern") String pattern, @Bind("status") String status, @Bind("tag") String tag,
            @Bind("place") String place, @Bind("lesson") Integer lesson, @Bind("sequence") String sequence);

    @SqlUpdate
    int untag(@Bind("subscriberId") long subscriberId, @Bind("tag") String tag);

    @SqlQuery
    List<String> allTags();
}
