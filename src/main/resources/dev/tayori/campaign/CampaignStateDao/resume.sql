UPDATE campaign_state SET paused_at = NULL, paused_by = NULL WHERE campaign_id = :campaignId AND paused_at IS NOT NULL
