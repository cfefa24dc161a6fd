-- Pausing twice keeps the first pause's time.
UPDATE campaign_state SET paused_at = :at, paused_by = :by WHERE campaign_id = :campaignId AND paused_at IS NULL
