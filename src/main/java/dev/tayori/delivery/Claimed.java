package dev.tayori.delivery;

import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row a claim took, with the reader it is for as the claim read them (null: no longer there). The
 * reader's status is read again right before the mail leaves ({@link SubscriberLookup}).
 */
public record Claimed(Delivery delivery, Subscriber subscriber) {
    Claimed withStatus(SubscriberStatus status) {
        if (subscriber == null || status == null) {
            return new Claimed(delivery, null);
        }
        Subscriber s = subscriber;
        return status == s.status() ? this : new Claimed(delivery, new Subscriber(s.id(), s.email(), s.name(), status,
                s.timeZone(), s.unsubscribeToken(), s.createdAt(), s.confirmedAt(), s.unsubscribedAt(),
                s.unsubscribeSource(), s.bouncedAt(), s.bounceReason()));
    }

    /**
     * Maps claimedBy.sql by column position: a claim reads hundreds of rows at a time while the senders
     * wait, and the reflective constructor mapper cost more than the query.
     */
    public static final class Mapper implements RowMapper<Claimed> {
        private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

        @Override
        public Claimed map(ResultSet rs, StatementContext ctx) throws SQLException {
            Delivery delivery = new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    integer(rs, 5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), instant(rs, 10),
                    instant(rs, 11), instant(rs, 12), rs.getString(13), instant(rs, 14), instant(rs, 15), instant(rs, 16));
            String status = rs.getString(20);
            if (status == null) {
                return new Claimed(delivery, null);
            }
            Subscriber subscriber = new Subscriber(rs.getLong(17), rs.getString(18), rs.getString(19),
                    SubscriberStatus.fromDb(status), ZONES.computeIfAbsent(rs.getString(21), ZoneId::of), rs.getString(22),
                    instant(rs, 23), instant(rs, 24), instant(rs, 25), rs.getString(26), instant(rs, 27), rs.getString(28));
            return new Claimed(delivery, subscriber);
        }

        private static Integer integer(ResultSet rs, int column) throws SQLException {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : value;
        }

        private static Instant instant(ResultSet rs, int column) throws SQLException {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        }
    }
}
