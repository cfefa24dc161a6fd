SELECT * FROM issues WHERE campaign_id = :campaignId ORDER BY slot_at DESC LIMIT 1
