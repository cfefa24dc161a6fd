SELECT * FROM issues WHERE campaign_id = :campaignId AND slot_at = :slotAt
