package dev.tayori.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class ConsentRecordMapper implements RowMapper<ConsentRecord> {
    @Override
    public ConsentRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ConsentRecord(rs.getString("event"), SubscriberMapper.instant(rs, "at"), rs.getString("source"),
                rs.getString("origin"), rs.getString("user_agent"), rs.getString("form_version"));
    }
}
