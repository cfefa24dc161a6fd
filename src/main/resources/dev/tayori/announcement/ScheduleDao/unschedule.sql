-- Only a schedule whose time has not come can be withdrawn.
DELETE FROM announcement_schedules WHERE campaign_id = :campaignId AND state = 'scheduled'
