-- Issues whose delivery planning a crash interrupted.
SELECT * FROM issues WHERE campaign_id = :campaignId AND state = 'planned' AND planning_done = FALSE ORDER BY slot_at
