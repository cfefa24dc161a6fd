package dev.tayori.delivery;

import dev.tayori.subscriber.Subscriber;
import dev.tayori.subscriber.SubscriberStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A sender's look-up of the reader a claimed row is for, read fresh right before the mail leaves
 * (an unsubscribe between planning and sending must win). One statement prepared for the whole
 * run, on the sender's own connection: through the DAO layer this read cost as much as building
 * the mail.
 */
final class SubscriberLookup implements AutoCloseable {
    private final PreparedStatement statement;

    SubscriberLookup(Connection connection) throws SQLException {
        this.statement = connection.prepareStatement("SELECT id, email, name, status, time_zone, unsubscribe_token,"
                + " created_at, confirmed_at, unsubscribed_at, unsubscribe_source, bounced_at, bounce_reason"
                + " FROM subscribers WHERE id = ?");
    }

    Optional<Subscriber> byId(long id) {
        try {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Subscriber(rs.getLong(1), rs.getString(2), rs.getString(3),
                        SubscriberStatus.fromDb(rs.getString(4)), ZoneId.of(rs.getString(5)), rs.getString(6),
                        instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10), instant(rs, 11), rs.getString(12)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subscriber " + id + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public void close() {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection goes back to the pool either way
        }
    }
}
