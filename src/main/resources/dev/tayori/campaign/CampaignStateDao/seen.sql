-- Only the first sighting counts.
INSERT INTO campaign_state (campaign_id, first_seen_at) VALUES (:campaignId, :at)
ON CONFLICT (campaign_id) DO NOTHING
