-- Readers who unsubscribed after receiving this campaign's mail, per local day of the unsubscribe.
SELECT (s.unsubscribed_at + :offsetMillis) / 86400000 AS day, COUNT(DISTINCT s.id) AS n
FROM subscribers s JOIN deliveries d ON d.subscriber_id = s.id
WHERE d.campaign_id = :campaignId AND d.state = 'sent' AND s.unsubscribed_at IS NOT NULL AND s.unsubscribed_at >= d.sent_at
GROUP BY day ORDER BY day
