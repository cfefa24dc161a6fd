-- The unique (subscriber, campaign, item) key is the idempotency key: planning the same mail twice,
-- from a rerun, a second process or a retry after a crash, inserts nothing the second time.
INSERT INTO deliveries (subscriber_id, campaign_id, item_key, step, state, message_id, attempts,
                        planned_at, due_at, next_attempt_at)
VALUES (:subscriberId, :campaignId, :itemKey, :step, 'planned', :messageId, 0, :at, :dueAt, :at)
ON CONFLICT (subscriber_id, campaign_id, item_key) DO NOTHING
