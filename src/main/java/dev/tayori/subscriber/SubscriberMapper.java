package dev.tayori.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

public final class SubscriberMapper implements RowMapper<Subscriber> {
    @Override
    public Subscriber map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Subscriber(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                SubscriberStatus.fromDb(rs.getString("status")), ZoneId.of(rs.getString("time_zone")),
                rs.getString("unsubscribe_token"), instant(rs, "created_at"), instant(rs, "confirmed_at"),
                instant(rs, "unsubscribed_at"), rs.getString("unsubscribe_source"), instant(rs, "bounced_at"),
                rs.getString("bounce_reason"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
