-- An id is taken once: a second create with the same id changes nothing (and is refused).
INSERT INTO authored_announcements (campaign_id, name, segment, created_at) VALUES (:campaignId, :name, :segment, :at)
ON CONFLICT (campaign_id) DO NOTHING
