-- Bounces and replies stay as counts (kind, campaign, status code); the recipient and the report's
-- words (which quote the address) go. Also events that named the address but matched no reader.
UPDATE inbound_events SET recipient = '', diagnostic = ''
WHERE subscriber_id = :id OR lower(recipient) = :key
