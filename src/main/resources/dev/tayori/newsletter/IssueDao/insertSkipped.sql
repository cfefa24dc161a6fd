-- A skipped slot is recorded too, so the operator sees it and it is never sent late.
INSERT INTO issues (campaign_id, number, slot_at, state, reason, created_at)
VALUES (:campaignId, NULL, :slotAt, 'skipped', :reason, :at)
ON CONFLICT (campaign_id, slot_at) DO NOTHING
