-- How many mails a run at :at would try to send: the total of send-due's progress bar. Served by
-- the partial index deliveries_pending.
SELECT COUNT(*) FROM deliveries d
WHERE d.state = 'planned' AND d.next_attempt_at <= :at
  AND NOT EXISTS (SELECT 1 FROM campaign_state c WHERE c.campaign_id = d.campaign_id AND c.paused_at IS NOT NULL)
