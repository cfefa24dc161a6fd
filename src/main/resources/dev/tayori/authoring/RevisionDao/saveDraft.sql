-- One draft per mail: saving again replaces it. The live revision is not touched.
INSERT INTO authored_mails (campaign_id, step, draft_subject, draft_preheader, draft_body, draft_saved_at)
VALUES (:campaignId, :step, :subject, :preheader, :body, :at)
ON CONFLICT (campaign_id, step) DO UPDATE SET draft_subject = excluded.draft_subject,
    draft_preheader = excluded.draft_preheader, draft_body = excluded.draft_body, draft_saved_at = excluded.draft_saved_at
