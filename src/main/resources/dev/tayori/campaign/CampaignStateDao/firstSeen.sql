SELECT first_seen_at FROM campaign_state WHERE campaign_id = :campaignId
