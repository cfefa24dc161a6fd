-- The delivery a VERP address names.
SELECT id, subscriber_id, campaign_id, sent_at FROM deliveries WHERE id = :id
