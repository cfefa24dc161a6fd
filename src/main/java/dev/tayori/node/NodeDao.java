package dev.tayori.node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@UseClasspathSqlLocator
@RegisterConstructorMapper(NodeRow.class)
interface NodeDao {
    @SqlUpdate
    int register(@Bind("name") String name, @Bind("instance") String instance, @Bind("command") String command,
            @Bind("now") Instant now, @Bind("files") String files);

    @SqlQuery
    Optional<NodeRow> find(@Bind("name") String name);

    @SqlUpdate
    int tick(@Bind("name") String name, @Bind("instance") String instance, @Bind("now") Instant now,
            @Bind("files") String files);

    @SqlUpdate
    int ranDueWork(@Bind("name") String name, @Bind("instance") String instance, @Bind("now") Instant now);

    @SqlUpdate
    int stopped(@Bind("name") String name, @Bind("instance") String instance, @Bind("now") Instant now);

    @SqlQuery
    List<NodeRow> all();

    @SqlUpdate
    int prune(@Bind("stoppedBefore") Instant stoppedBefore, @Bind("silentBefore") Instant silentBefore);
}
