-- DeliveryDao/plan.sql for the planner's batches: positional parameters, one prepared statement for
-- the whole batch (binding through the DAO cost a third of planning a busy morning). The unique
-- (subscriber, campaign, item) key is the idempotency key: planning a lesson twice inserts nothing.
-- subscriber_id, campaign_id, item_key, step, message_id, planned_at, due_at, next_attempt_at
INSERT INTO deliveries (subscriber_id, campaign_id, item_key, step, state, message_id, attempts,
                        planned_at, due_at, next_attempt_at)
VALUES (?, ?, ?, ?, 'planned', ?, 0, ?, ?, ?)
ON CONFLICT (subscriber_id, campaign_id, item_key) DO NOTHING
