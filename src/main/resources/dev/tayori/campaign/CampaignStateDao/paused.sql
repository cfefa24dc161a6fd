SELECT EXISTS (SELECT 1 FROM campaign_state WHERE campaign_id = :campaignId AND paused_at IS NOT NULL)
