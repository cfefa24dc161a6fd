package dev.tayori.erasure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of an erasure, one per table that can hold a reader's personal data. */
@UseClasspathSqlLocator
interface ErasureDao {
    @SqlUpdate
    int offerSecret(@Bind("name") String name, @Bind("secret") String secret, @Bind("at") Instant at);

    @SqlQuery
    Optional<String> secret(@Bind("name") String name);

    @SqlQuery
    boolean isSuppressed(@Bind("hash") String hash);

    @SqlQuery
    List<String> suppressedHashes();

    @SqlUpdate
    int suppress(@Bind("hash") String hash, @Bind("at") Instant at);

    @SqlUpdate
    int unsuppress(@Bind("hash") String hash);

    @SqlUpdate
    int recordErasure(@Bind("at") Instant at, @Bind("via") String via);

    @SqlUpdate
    int anonymiseSubscriber(@Bind("id") long id, @Bind("at") Instant at);

    @SqlUpdate
    int anonymiseConsents(@Bind("id") long id);

    @SqlUpdate
    int deleteConfirmations(@Bind("id") long id);

    @SqlUpdate
    int deleteTags(@Bind("id") long id);

    @SqlUpdate
    int deleteOptOuts(@Bind("id") long id);

    @SqlUpdate
    int deleteEnrollments(@Bind("id") long id);

    @SqlUpdate
    int deleteDuplicates(@Bind("id") long id);

    @SqlUpdate
    int anonymiseDeliveries(@Bind("id") long id);

    @SqlUpdate
    int anonymiseInboundEvents(@Bind("id") long id, @Bind("key") String key);

    @SqlUpdate
    int anonymiseInboundOutcomes(@Bind("pattern") String pattern);
}
