package dev.tayori.inbound;

import java.time.Instant;

/**
 * One bounce, complaint, auto-reply or undone bounce as the operator sees it.
 *
 * @param deliveryId the mail it is about, when the report said (null otherwise)
 * @param matchedBy how the reader was found: verp, message-id, recipient, webhook, operator
 */
public record InboundEvent(long id, InboundKind kind, Long subscriberId, Long deliveryId, String campaignId,
        String recipient, String statusCode, String diagnostic, String matchedBy, String messageId, Instant receivedAt) {

    public static final class Mapper implements org.jdbi.v3.core.mapper.RowMapper<InboundEvent> {
        @Override
        public InboundEvent map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            return new InboundEvent(rs.getLong("id"), InboundKind.fromDb(rs.getString("kind")),
                    nullable(rs, "subscriber_id"), nullable(rs, "delivery_id"),
                    rs.getString("campaign_id"), rs.getString("recipient"), rs.getString("status_code"),
                    rs.getString("diagnostic"), rs.getString("matched_by"), rs.getString("message_id"),
                    Instant.ofEpochMilli(rs.getLong("received_at")));
        }

        /** The SQLite driver's getObject(column, Long.class) fails on NULL; getLong and wasNull do not. */
        private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }
    }
}
