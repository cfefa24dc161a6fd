-- The delivery whose stable Message-ID the returned mail carries (unique-indexed).
SELECT id, subscriber_id, campaign_id, sent_at FROM deliveries WHERE message_id = :messageId
