SELECT MAX(sent_at) FROM deliveries WHERE campaign_id = :campaignId AND state = 'sent'
