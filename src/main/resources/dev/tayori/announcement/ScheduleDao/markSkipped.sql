UPDATE announcement_schedules SET state = 'skipped', reason = :reason WHERE campaign_id = :campaignId AND state = 'scheduled'
