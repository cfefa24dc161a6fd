-- The mails a full sending limit keeps waiting, for the line that says so: every planned mail due
-- by the time the limit has room again (the rows held back for it, the due ones handed back, and
-- those of every other process). A paused campaign's mail waits for the operator, not the limit.
SELECT COUNT(*) FROM deliveries d
WHERE d.state = 'planned' AND d.next_attempt_at <= :until
  AND NOT EXISTS (SELECT 1 FROM campaign_state c WHERE c.campaign_id = d.campaign_id AND c.paused_at IS NOT NULL)
