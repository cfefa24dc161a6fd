UPDATE announcement_schedules SET state = 'planned' WHERE campaign_id = :campaignId AND state = 'scheduled'
