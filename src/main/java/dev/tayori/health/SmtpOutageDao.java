package dev.tayori.health;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The one row of smtp_outage: the SMTP server unusable since the first failed run. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SmtpOutageDao.Outage.class)
interface SmtpOutageDao {
    /** {@code reason} is a delivery Stop.Reason name. */
    record Outage(String server, String reason, Instant since) {
    }

    @SqlUpdate
    void failed(@Bind("server") String server, @Bind("reason") String reason, @Bind("at") Instant at);

    @SqlUpdate
    void reached();

    @SqlQuery
    Optional<Outage> current();
}
