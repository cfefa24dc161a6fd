package dev.tayori.delivery;

import dev.tayori.db.SqlFile;
import dev.tayori.subscriber.SubscriberStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sender's second look at the readers of the rows it is about to send: their status, read fresh
 * for a group of rows at a time on the sender's own connection, with one statement prepared for the
 * whole run. The claim read everything else about the reader (claimedBy.sql).
 */
final class SubscriberLookup implements AutoCloseable {
    /** Rows checked in one statement: as many places as statusOf.sql has. */
    static final int GROUP = 16;
    private static final String STATUS_OF = SqlFile.of(SubscriberLookup.class, "statusOf");

    private final PreparedStatement statement;

    SubscriberLookup(Connection connection) throws SQLException {
        this.statement = connection.prepareStatement(STATUS_OF);
    }

    /** The rows with their readers' present status; a reader no longer there becomes null. */
    List<Claimed> fresh(List<Claimed> rows) throws SQLException {
        if (rows.size() > GROUP) {
            throw new IllegalArgumentException("at most " + GROUP + " rows at a time, not " + rows.size());
        }
        for (int i = 0; i < GROUP; i++) {
            statement.setLong(i + 1, i < rows.size() ? rows.get(i).delivery().subscriberId() : -1);
        }
        Map<Long, SubscriberStatus> status = new HashMap<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                status.put(rs.getLong(1), SubscriberStatus.fromDb(rs.getString(2)));
            }
        }
        List<Claimed> fresh = new ArrayList<>(rows.size());
        for (Claimed row : rows) {
            fresh.add(row.withStatus(status.get(row.delivery().subscriberId())));
        }
        return fresh;
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
