package dev.tayori.subscriber;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The pairs of rows migration V008 found to be one address once case is ignored, and never merged. */
@UseClasspathSqlLocator
public interface AddressDuplicateDao {
    @SqlQuery
    @RegisterConstructorMapper(AddressDuplicate.class)
    List<AddressDuplicate> list();
}
