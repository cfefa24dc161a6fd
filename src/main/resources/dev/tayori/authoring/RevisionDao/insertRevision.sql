INSERT INTO authored_revisions (campaign_id, step, revision, kind, subject, preheader, body, note, published_at, restored_from)
VALUES (:campaignId, :step, :revision, :kind, :subject, :preheader, :body, :note, :at, :restoredFrom)
