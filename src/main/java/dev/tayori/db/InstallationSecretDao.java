package dev.tayori.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The installation's own keys (table installation_secrets), one row per purpose. */
@UseClasspathSqlLocator
interface InstallationSecretDao {
    @SqlUpdate
    int offer(@Bind("name") String name, @Bind("secret") String secret, @Bind("at") Instant at);

    @SqlQuery
    Optional<String> secret(@Bind("name") String name);
}
