package dev.tayori.limits;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rings of send slots (table send_slots): one per limit, one row per mail the limit allows. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SendSlotDao.Ring.class)
interface SendSlotDao {
    /** How many slots a ring has below {@code count}, and the instant of the one taken longest ago. */
    record Ring(int slots, Instant oldest) {
    }

    @SqlQuery
    Ring ring(@Bind("ring") String ring, @Bind("count") int count);

    @SqlQuery
    int slotsOf(@Bind("ring") String ring);

    @SqlQuery
    List<Long> newest(@Bind("ring") String ring, @Bind("count") int count);

    @SqlUpdate
    void deleteRing(@Bind("ring") String ring);

    @SqlBatch
    void addSlots(@Bind("ring") String ring, @Bind("slot") List<Integer> slots, @Bind("takenAt") List<Long> takenAt);

    @SqlUpdate
    int take(@Bind("ring") String ring, @Bind("count") int count, @Bind("freeBefore") Instant freeBefore,
            @Bind("countAs") Instant countAs, @Bind("holder") String holder, @Bind("most") int most);

    @SqlUpdate
    int giveBack(@Bind("ring") String ring, @Bind("holder") String holder, @Bind("most") int most);
}
