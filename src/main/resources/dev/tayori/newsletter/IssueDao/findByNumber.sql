SELECT * FROM issues WHERE campaign_id = :campaignId AND number = :number
