-- Which revision the next sends use; NULL goes back to the campaign file's template.
INSERT INTO authored_mails (campaign_id, step, live_revision) VALUES (:campaignId, :step, :revision)
ON CONFLICT (campaign_id, step) DO UPDATE SET live_revision = excluded.live_revision
