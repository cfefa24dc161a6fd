-- Readers who unsubscribed after receiving mail of this campaign: a signal of how it was received.
SELECT COUNT(DISTINCT d.subscriber_id) FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
WHERE d.campaign_id = :campaignId AND d.state = 'sent' AND s.unsubscribed_at IS NOT NULL
  AND s.unsubscribed_at >= d.sent_at
