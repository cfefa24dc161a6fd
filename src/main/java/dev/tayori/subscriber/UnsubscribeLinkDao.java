package dev.tayori.subscriber;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The unsubscribes counted per mail. */
@UseClasspathSqlLocator
interface UnsubscribeLinkDao {
    @SqlUpdate
    int recordUnsubscribe(@Bind("deliveryId") long deliveryId, @Bind("subscriberId") long subscriberId,
            @Bind("scope") String scope, @Bind("via") String via, @Bind("at") Instant at);
}
