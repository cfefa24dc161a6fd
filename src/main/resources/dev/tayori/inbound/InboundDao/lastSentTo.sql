-- A report that names only the reader is taken to be about the last mail they were sent before it came.
SELECT id, subscriber_id, campaign_id, sent_at FROM deliveries
WHERE subscriber_id = :subscriberId AND state = 'sent' AND sent_at <= :before
ORDER BY sent_at DESC, id DESC LIMIT 1
