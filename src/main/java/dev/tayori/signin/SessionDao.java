package dev.tayori.signin;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Signed-in admin browsers (table admin_sessions), found by the hash of their cookie. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SessionDao.Stored.class)
interface SessionDao {
    record Stored(String csrf, Instant expiresAt) {
    }

    @SqlUpdate
    void open(@Bind("hash") String hash, @Bind("csrf") String csrf, @Bind("at") Instant at,
            @Bind("expiresAt") Instant expiresAt);

    @SqlQuery
    Optional<Stored> find(@Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate
    int end(@Bind("hash") String hash);

    @SqlUpdate
    int endExpired(@Bind("now") Instant now);
}
