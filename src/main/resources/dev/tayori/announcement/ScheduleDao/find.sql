SELECT * FROM announcement_schedules WHERE campaign_id = :campaignId
