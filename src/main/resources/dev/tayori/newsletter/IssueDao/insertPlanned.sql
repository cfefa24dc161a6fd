-- The unique slot makes a second planner (or a rerun) insert nothing: one issue per slot, ever.
INSERT INTO issues (campaign_id, number, slot_at, state, created_at, message_id_prefix)
VALUES (:campaignId, :number, :slotAt, 'planned', :at, :prefix)
ON CONFLICT (campaign_id, slot_at) DO NOTHING
