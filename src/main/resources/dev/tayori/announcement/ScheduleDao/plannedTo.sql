-- Written in the same transaction as the batch of deliveries it covers.
UPDATE announcement_schedules SET planned_to_id = :upTo, planning_done = :done WHERE campaign_id = :campaignId
