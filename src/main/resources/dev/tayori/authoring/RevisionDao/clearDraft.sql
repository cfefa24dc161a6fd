-- A published draft is no longer a draft: the editor then opens the live words.
UPDATE authored_mails SET draft_subject = NULL, draft_preheader = NULL, draft_body = NULL, draft_saved_at = NULL
WHERE campaign_id = :campaignId AND step = :step
