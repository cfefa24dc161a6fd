-- As countWaiting, for one domain's limit: the planned mails to addresses ending in :pattern
-- ('%@docomo.ne.jp'), matched on the lower-cased address the subscribers table keeps.
SELECT COUNT(*) FROM deliveries d
JOIN subscribers s ON s.id = d.subscriber_id
WHERE d.state = 'planned' AND d.next_attempt_at <= :until AND s.email_key LIKE :pattern
  AND NOT EXISTS (SELECT 1 FROM campaign_state c WHERE c.campaign_id = d.campaign_id AND c.paused_at IS NOT NULL)
