-- The issue before: "new" articles are those published since its slot.
SELECT * FROM issues WHERE campaign_id = :campaignId AND state = 'planned' ORDER BY slot_at DESC LIMIT 1
