-- One bounce, complaint or auto-reply, kept whole for the operator (status and the report's words).
INSERT INTO inbound_events (kind, subscriber_id, delivery_id, campaign_id, recipient, status_code, diagnostic,
    matched_by, message_id, received_at)
VALUES (:kind, :subscriberId, :deliveryId, :campaignId, :recipient, :statusCode, :diagnostic, :matchedBy,
    :messageId, :at)
