-- The draft (if any) and which revision is live (NULL: the file's version).
SELECT campaign_id, step, draft_subject, draft_preheader, draft_body, draft_saved_at, live_revision
FROM authored_mails WHERE campaign_id = :campaignId AND step = :step
